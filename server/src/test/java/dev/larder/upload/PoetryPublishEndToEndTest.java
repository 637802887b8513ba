package dev.larder.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.testing.Distribution;
import dev.larder.testing.Http;
import dev.larder.testing.Larder;
import dev.larder.testing.Python;
import dev.larder.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Debian's poetry publishes to the same endpoint as twine (protocol.md §10 rows 69 and 87). */
class PoetryPublishEndToEndTest {

    private static final String POETRY = "/usr/bin/poetry";

    private static TestServer server;
    private static Http http;
    private static String token;
    private static Path work;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
        http = new Http(server.uri());
        Larder larder = new Larder(http);
        String ci = larder.user("ci");
        larder.index(ci, "ci/prod", "{}");
        token = larder.token(ci, "{\"scope\": \"upload\"}");
        work = TestServer.newDataFolder();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /** A poetry project folder whose dist/ holds the wheel of {@code distribution}. */
    private static Path project(String folder, Distribution distribution, String name, String version)
            throws Exception {
        Path project = Files.createDirectories(work.resolve(folder));
        Files.writeString(project.resolve("pyproject.toml"), "[tool.poetry]\nname = \"" + name + "\"\n"
                + "version = \"" + version + "\"\ndescription = \"test\"\nauthors = [\"CI <ci@example.com>\"]\n");
        distribution.wheel(Files.createDirectories(project.resolve("dist")));
        return project;
    }

    private static Python.Result publish(Path project, String... options) throws Exception {
        String[] command = new String[3 + options.length];
        command[0] = POETRY;
        command[1] = "publish";
        command[2] = "--repository=larder";
        System.arraycopy(options, 0, command, 3, options.length);
        return new Python(work.resolve("home")).run(project, Map.of(
                "POETRY_REPOSITORIES_LARDER_URL", server.uri() + "/ci/prod/",
                "POETRY_HTTP_BASIC_LARDER_USERNAME", "__token__",
                "POETRY_HTTP_BASIC_LARDER_PASSWORD", token,
                "POETRY_VIRTUALENVS_CREATE", "false"), command);
    }

    @Test
    void row69_poetryPublishUploadsToTheIndexUrl() throws Exception {
        Path project = project("first", Distribution.of("poet-pkg", "1.0"), "poet-pkg", "1.0");

        publish(project, "--no-interaction").assertSucceeded();

        assertThat(http.get("/ci/prod/+simple/poet-pkg/").body()).contains("poet_pkg-1.0-py3-none-any.whl");
    }

    @Test
    void row87_poetrySkipExistingSkipsAConflictingFile() throws Exception {
        publish(project("original", Distribution.of("verse", "2.0"), "verse", "2.0"), "--no-interaction")
                .assertSucceeded();
        Path changed = project("changed", Distribution.of("verse", "2.0").marker(" changed"), "verse", "2.0");

        Python.Result refused = publish(changed, "--no-interaction");
        Python.Result skipped = publish(changed, "--no-interaction", "--skip-existing");

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("409").contains("File already exists");
        skipped.assertSucceeded();
        assertThat(skipped.output()).contains("File exists. Skipping");
    }
}
