package dev.larder.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.testing.Distribution;
import dev.larder.testing.Http;
import dev.larder.testing.Larder;
import dev.larder.testing.Python;
import dev.larder.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The real clients against a real server: Debian's twine uploads with an API token, pip installs into a fresh
 * venv from the index alone (no pip.conf, no PIP_* variables, no cache).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwineAndPipEndToEndTest {

    private Path work;

    private TestServer server;
    private Http http;
    private Larder larder;
    private Python python;
    private String uploadUrl;
    private String token;

    @BeforeAll
    void startServer() {
        server = TestServer.start();
        // Not a @TempDir: its clean-up warns about the venvs' links to /usr/bin/python3.
        work = TestServer.newDataFolder();
        http = new Http(server.uri());
        larder = new Larder(http);
        String ci = larder.user("ci");
        larder.index(ci, "ci/prod", "{}");
        token = larder.token(ci, "{\"scope\": \"upload\", \"indexes\": [\"ci/prod\"]}");
        uploadUrl = server.uri() + "/ci/prod/";
        python = new Python(work.resolve("home"));
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    private Path folder(String name) throws Exception {
        return Files.createDirectories(work.resolve(name));
    }

    @Test
    void twineUploadsAWheelAndAnSdistAndPipInstallsAPrivateProjectWithItsPrivateDependency() throws Exception {
        Path dist = folder("chain");
        Path base = Distribution.of("acme-base", "1.2.0").requiresPython(">=3.7").wheel(dist);
        Path baseSdist = Distribution.of("acme-base", "1.2.0").sdist(dist);
        Path app = Distribution.of("acme-app", "0.3.0").requires("acme-base>=1.0").wheel(dist);

        python.twineUpload(uploadUrl, "__token__", token, List.of(), base, baseSdist, app).assertSucceeded();

        Path pip = python.newVenv(work.resolve("venv-chain"));
        Python.Result install = python.pipInstall(pip, server.uri() + "/ci/prod/+simple/", "acme-app");
        install.assertSucceeded();
        assertThat(install.output()).contains("Successfully installed acme-app-0.3.0 acme-base-1.2.0")
                .contains(server.uri() + "/ci/prod/");
        Python.Result imported = python.run(work, Map.of(), pip.getParent().resolve("python").toString(), "-c",
                "import acme_app, acme_base; print(acme_app.VALUE, '|', acme_base.VALUE)").assertSucceeded();
        assertThat(imported.output()).contains("acme-app 0.3.0 | acme-base 1.2.0");
        assertThat(http.get("/ci/prod/+simple/acme-base/").body())
                .contains("acme_base-1.2.0.tar.gz").contains("acme_base-1.2.0-py3-none-any.whl");
    }

    @Test
    void skipExistingReuploadOfTheSameFilesExitsZeroAndChangesNothing() throws Exception {
        Path dist = folder("again");
        Path wheel = Distribution.of("again", "1.0").wheel(dist);
        Path sdist = Distribution.of("again", "1.0").sdist(dist);
        python.twineUpload(uploadUrl, "__token__", token, List.of(), wheel, sdist).assertSucceeded();
        String before = http.get("/ci/prod/+simple/again/").body();

        python.twineUpload(uploadUrl, "__token__", token, List.of("--skip-existing"), wheel, sdist)
                .assertSucceeded();

        assertThat(http.get("/ci/prod/+simple/again/").body()).isEqualTo(before);
    }

    @Test
    void aDifferentFileUnderAnExistingNameIsRefusedWith409AndTwineSaysFileAlreadyExists() throws Exception {
        Path first = folder("conflict-1");
        Path second = folder("conflict-2");
        python.twineUpload(uploadUrl, "__token__", token, List.of(),
                Distribution.of("clash", "1.0").wheel(first)).assertSucceeded();
        Path otherBytes = Distribution.of("clash", "1.0").marker(" rebuilt").wheel(second);

        Python.Result refused = python.twineUpload(uploadUrl, "__token__", token, List.of(), otherBytes);

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("409 Conflict").contains("File already exists");
        Python.Result skipped = python.twineUpload(uploadUrl, "__token__", token, List.of("--skip-existing"),
                otherBytes);
        skipped.assertSucceeded();
        assertThat(skipped.output()).contains("Skipping clash-1.0-py3-none-any.whl because it appears to already exist");
    }

    @Test
    void aWrongTokenIsRefusedAndTwineShowsWhy() throws Exception {
        Path wheel = Distribution.of("never-stored", "1.0").wheel(folder("wrong-token"));

        Python.Result refused = python.twineUpload(uploadUrl, "__token__", "larder-not-a-real-token", List.of(),
                wheel);

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("401 Unauthorized")
                .contains("Invalid or non-existent authentication information");
        assertThat(http.get("/ci/prod/+simple/never-stored/").statusCode()).isEqualTo(404);
    }

    @Test
    void aTokenForAnotherIndexMayNotUploadHereAndTwineShowsWhy() throws Exception {
        String ci = Http.basic("ci", "ci-password");
        larder.index(ci, "ci/other", "{}");
        Path wheel = Distribution.of("elsewhere", "1.0").wheel(folder("other-index"));

        Python.Result refused = python.twineUpload(server.uri() + "/ci/other/", "__token__", token, List.of(), wheel);

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("403 Forbidden").contains("may not upload to index 'ci/other'");
    }

    @Test
    void pipInstallsFromAPrivateIndexWithCredentialsInTheIndexUrl() throws Exception {
        String ci = Http.basic("ci", "ci-password");
        larder.index(ci, "ci/secret", "{\"acl_read\": [\"ci\"]}");
        Path wheel = Distribution.of("hidden-gem", "2.0").wheel(folder("secret"));
        python.twineUpload(server.uri() + "/ci/secret/", "ci", "ci-password", List.of(), wheel).assertSucceeded();
        Path pip = python.newVenv(work.resolve("venv-secret"));

        Python.Result anonymous = python.pipInstall(pip, server.uri() + "/ci/secret/+simple/", "hidden-gem");
        String withCredentials = server.uri().toString().replace("://", "://ci:ci-password@") + "/ci/secret/+simple/";
        Python.Result authenticated = python.pipInstall(pip, withCredentials, "hidden-gem");

        assertThat(anonymous.exitCode()).isNotZero();
        authenticated.assertSucceeded();
        assertThat(authenticated.output()).contains("Successfully installed hidden-gem-2.0");
    }
}
