package dev.larder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's commands against a real Larder server (the server module's jar, in its own process): an admin's
 * session, then CI with a token, each result checked through the simple API.
 */
class CliSessionTest {

    @TempDir
    static Path work;

    private static LarderServer server;
    private static Path adminConfig;
    private static Path teamConfig;

    @BeforeAll
    static void startServer() throws Exception {
        server = new LarderServer(work);
        adminConfig = Files.createDirectories(work.resolve("admin-config"));
        teamConfig = Files.createDirectories(work.resolve("team-config"));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    /** One run of {@code larder}: exit code and what it printed. */
    record Run(int exitCode, String out, String err) {
        Run ok() {
            assertThat(exitCode).as("out: " + out + "\nerr: " + err).isZero();
            return this;
        }
    }

    private static Run larder(Path config, Map<String, String> extraEnv, String stdin, String... args) {
        Map<String, String> env = new HashMap<>(Map.of("XDG_CONFIG_HOME", config.toString(), "HOME", work.toString()));
        env.putAll(extraEnv);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Cli cli = new Cli(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true), null);
        int code = LarderCommand.execute(cli, args);
        return new Run(code, out.toString(), err.toString());
    }

    private static Run admin(String... args) {
        return larder(adminConfig, Map.of(), "", args);
    }

    private static String simple(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Accept", "application/vnd.pypi.simple.v1+json").build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void anAdminSetsUpATeamAndCiUploadsYanksAndPushesWithAToken() throws Exception {
        admin("use", server.url()).ok();
        assertThat(larder(adminConfig, Map.of(), LarderServer.ROOT_PASSWORD + "\n", "login", "root",
                "--password-stdin").ok().out()).contains("Logged in as root");
        assertThat(admin("whoami").ok().out()).startsWith("root on " + server.url());
        Path stored = adminConfig.resolve("larder/config.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stored))).isEqualTo("rw-------");
        assertThat(Files.readString(stored)).doesNotContain(LarderServer.ROOT_PASSWORD).contains("\"token\"");

        assertThat(larder(adminConfig, Map.of(), "team-password\n", "user", "create", "team", "--email",
                "team@example.com", "--password-stdin").ok().out()).contains("Created user team");
        admin("index", "create", "team/prod", "--bases", "root/pypi").ok();
        assertThat(admin("index", "create", "team/dev", "--bases", "team/prod", "--volatile", "title=Team dev").ok()
                .out()).contains("bases").contains("team/prod").contains("Team dev");
        assertThat(admin("index", "list").ok().out()).contains("team/prod").contains("team/dev").contains("root/pypi");

        larder(teamConfig, Map.of(), "", "use", server.url() + "/team/dev").ok();
        larder(teamConfig, Map.of(), "team-password\n", "login", "team", "--password-stdin").ok();
        Run token = larder(teamConfig, Map.of(), "team-password\n", "token", "create", "--index", "team/dev",
                "--scope", "upload", "--expires", "30d", "--description", "CI", "--password-stdin").ok();
        Matcher secret = Pattern.compile("(larder-[A-Za-z0-9_-]+)").matcher(token.out());
        assertThat(secret.find()).as(token.out()).isTrue();
        Map<String, String> ci = Map.of("LARDER_URL", server.url(), "LARDER_INDEX", "team/dev",
                "LARDER_TOKEN", secret.group(1));
        Path emptyConfig = Files.createDirectories(work.resolve("ci-config"));

        Path one = wheel("cli-demo", "1.0");
        Path two = wheel("cli-demo", "2.0");
        Run uploaded = larder(emptyConfig, ci, "", "upload", one.toString(), two.toString()).ok();
        Run again = larder(emptyConfig, ci, "", "upload", "--skip-existing", one.toString()).ok();

        assertThat(uploaded.out()).contains("cli_demo-1.0-py3-none-any.whl").contains("cli_demo-2.0-py3-none-any.whl");
        assertThat(again.out()).contains("cli_demo-1.0-py3-none-any.whl");
        assertThat(larder(emptyConfig, ci, "", "whoami").ok().out()).contains("team").contains("indexes team/dev");
        assertThat(larder(emptyConfig, ci, "", "list").ok().out()).contains("cli-demo");
        assertThat(larder(emptyConfig, ci, "", "list", "cli-demo").ok().out())
                .contains("cli_demo-1.0-py3-none-any.whl").contains("team/dev");

        larder(teamConfig, Map.of(), "", "yank", "cli-demo==1.0", "--reason", "broken build").ok();
        Run pushed = larder(teamConfig, Map.of(), "", "push", "cli-demo==2.0", "team/prod").ok();
        Run explained = larder(teamConfig, Map.of(), "", "explain", "cli-demo").ok();

        assertThat(pushed.out()).contains("Pushed cli-demo 2.0 (1 files) from team/dev to team/prod");
        String dev = simple("/team/dev/+simple/cli-demo/");
        assertThat(dev).contains("\"filename\":\"cli_demo-1.0-py3-none-any.whl\"").contains("\"yanked\":\"broken build\"")
                .contains("\"filename\":\"cli_demo-2.0-py3-none-any.whl\"");
        assertThat(simple("/team/prod/+simple/cli-demo/")).contains("cli_demo-2.0-py3-none-any.whl")
                .doesNotContain("cli_demo-1.0");
        assertThat(explained.out()).contains("Resolution order: team/dev -> team/prod -> root/pypi")
                .contains("shadowed-filename").contains("private-project");
        assertThat(larder(teamConfig, Map.of(), "", "list", "--json").ok().out()).contains("\"projects\"");

        larder(teamConfig, Map.of(), "", "remove", "cli-demo==1.0").ok();
        assertThat(simple("/team/dev/+simple/cli-demo/")).doesNotContain("cli_demo-1.0-py3-none-any.whl");
        assertThat(larder(teamConfig, Map.of(), "", "logout").ok().out()).contains("Logged out");
        assertThat(larder(teamConfig, Map.of(), "", "whoami").exitCode()).isEqualTo(CliException.REFUSED);
    }

    @Test
    void theServersRefusalIsShownWithExitCode1AndNoStackTrace() {
        admin("use", server.url()).ok();
        larder(adminConfig, Map.of(), LarderServer.ROOT_PASSWORD + "\n", "login", "root", "--password-stdin").ok();

        Run refused = admin("index", "create", "root/bad", "bogus=1");

        assertThat(refused.exitCode()).isEqualTo(CliException.REFUSED);
        assertThat(refused.err()).contains("Error 400: Unknown index option 'bogus'").doesNotContain("Exception");
    }

    @Test
    void usageMistakesExit2AndAnUnreachableServerExits3() throws Exception {
        Path fresh = Files.createDirectories(work.resolve("fresh-config"));

        Run unknown = larder(fresh, Map.of(), "", "frobnicate");
        Run noServer = larder(fresh, Map.of(), "", "list");
        larder(fresh, Map.of(), "", "use", "http://127.0.0.1:9/team/dev").ok();
        Run unreachable = larder(fresh, Map.of(), "", "list");
        Run badRelease = larder(fresh, Map.of(), "", "yank", "no-version-here");

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(noServer.exitCode()).isEqualTo(2);
        assertThat(noServer.err()).contains("run 'larder use URL' first");
        assertThat(unreachable.exitCode()).isEqualTo(3);
        assertThat(unreachable.err()).contains("Cannot reach the Larder server at http://127.0.0.1:9");
        assertThat(badRelease.exitCode()).isEqualTo(2);
        assertThat(badRelease.err()).contains("Expected PROJECT==VERSION");
    }

    @Test
    void pipConfigPrintsSettingsForTheCurrentIndex() throws Exception {
        Path config = Files.createDirectories(work.resolve("pip-config"));
        larder(config, Map.of(), "", "use", server.url() + "/team/dev").ok();

        String out = larder(config, Map.of(), "", "pip-config").ok().out();

        assertThat(out).contains("index-url = " + server.url().replace("://", "://__token__:<TOKEN>@")
                + "/team/dev/+simple/").contains("trusted-host = 127.0.0.1").contains("[[tool.uv.index]]")
                .contains("poetry source add --priority=primary larder " + server.url() + "/team/dev/+simple/");
    }

    @Test
    void everyCommandHasHelpAndCompletionCanBeGenerated() {
        for (String[] command : new String[][] {{"--help"}, {"user", "create", "--help"}, {"index", "modify", "--help"},
                {"token", "create", "--help"}, {"upload", "--help"}, {"push", "--help"}, {"explain", "--help"}}) {
            assertThat(larder(work, Map.of(), "", command).ok().out()).contains("Usage: larder");
        }
        assertThat(larder(work, Map.of(), "", "generate-completion").ok().out()).contains("complete -F");
    }

    /** A minimal, valid pure-Python wheel. */
    private static Path wheel(String name, String version) throws IOException {
        String dist = name.replace('-', '_');
        String info = dist + "-" + version + ".dist-info";
        Path file = work.resolve(dist + "-" + version + "-py3-none-any.whl");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String[] entry : new String[][] {
                    {dist + "/__init__.py", "VALUE = '" + version + "'\n"},
                    {info + "/METADATA", "Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n"},
                    {info + "/WHEEL", "Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n"},
                    {info + "/RECORD", ""}}) {
                zip.putNextEntry(new ZipEntry(entry[0]));
                zip.write(entry[1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        Files.write(file, bytes.toByteArray());
        return file;
    }
}
