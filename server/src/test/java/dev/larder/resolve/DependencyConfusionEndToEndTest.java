package dev.larder.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.testing.Distribution;
import dev.larder.testing.FakeUpstream;
import dev.larder.testing.Http;
import dev.larder.testing.Larder;
import dev.larder.testing.Multipart;
import dev.larder.testing.Python;
import dev.larder.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Real pip through {@code team/dev} → {@code team/prod} → {@code root/pypi}: a private project named like an
 * upstream one hides upstream entirely until the index whitelists it (SPEC §4).
 */
class DependencyConfusionEndToEndTest {

    @Test
    void aPrivateRequestsHidesUpstreamRequestsUntilWhitelisted() throws Exception {
        Path work = TestServer.newDataFolder();
        Path dist = Files.createDirectories(work.resolve("dist"));
        try (FakeUpstream upstream = new FakeUpstream();
             TestServer server = TestServer.on(TestServer.newDataFolder(), Map.of("larder.upstream-url", upstream.url()))) {
            upstream.project("requests",
                    Distribution.of("requests", "2.30.0").requires("idna>=2").requires("certifi").wheel(dist),
                    Distribution.of("requests", "2.31.0").requires("idna>=2").requires("certifi").wheel(dist));
            upstream.project("idna", Distribution.of("idna", "3.4").wheel(dist));
            upstream.project("certifi", Distribution.of("certifi", "2024.2.2").wheel(dist));
            Http http = new Http(server.uri());
            Larder larder = new Larder(http);
            String team = larder.user("team");
            larder.index(team, "team/prod", "{\"bases\": [\"root/pypi\"]}");
            larder.index(team, "team/dev", "{\"bases\": [\"team/prod\"]}");
            Path privateDist = Files.createDirectories(work.resolve("private"));
            Path privateRequests = Distribution.of("requests", "99.0").marker(" internal").wheel(privateDist);
            assertThat(larder.upload("team/prod", team, Multipart.twineLike(privateRequests, "requests", "99.0"))
                    .statusCode()).isEqualTo(200);
            Python python = new Python(work.resolve("home"));
            String index = server.uri() + "/team/dev/+simple/";

            Python.Result installed = python.pipInstall(python.newVenv(work.resolve("venv-1")), index, "requests");
            Python.Result upstreamOnly = python.run(work, Map.of(), python.newVenv(work.resolve("venv-2")).toString(),
                    "download", "--no-deps", "--no-cache-dir", "--dest", work.resolve("dl").toString(),
                    "--index-url", index, "requests==2.31.0");
            String hiding = http.get("/team/dev/+explain/requests").body();

            installed.assertSucceeded();
            assertThat(installed.output()).contains("Successfully installed requests-99.0");
            assertThat(upstreamOnly.exitCode()).isNotZero();
            assertThat(upstreamOnly.output()).contains("No matching distribution found for requests==2.31.0");
            assertThat(hiding).contains("\"from\":\"team/prod\"").contains("\"rule\":\"private-project\"")
                    .doesNotContain("requests-2.31.0");

            assertThat(http.json("PATCH", "/+api/indexes/team/dev", team, "{\"mirror_whitelist\": [\"requests\"]}")
                    .statusCode()).isEqualTo(200);
            Python.Result whitelisted = python.pipInstall(python.newVenv(work.resolve("venv-3")), index,
                    "requests==2.31.0");
            String merging = http.get("/team/dev/+explain/requests").body();

            whitelisted.assertSucceeded();
            assertThat(whitelisted.output()).contains("requests-2.31.0").contains("idna-3.4")
                    .contains("certifi-2024.2.2");
            assertThat(merging).contains("{\"filename\":\"requests-99.0-py3-none-any.whl\",\"version\":\"99.0\",\"from\":\"team/prod\"}")
                    .contains("{\"filename\":\"requests-2.31.0-py3-none-any.whl\",\"version\":\"2.31.0\",\"from\":\"root/pypi\"}")
                    .doesNotContain("private-project");
        }
    }
}
