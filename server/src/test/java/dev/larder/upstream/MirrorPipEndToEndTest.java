package dev.larder.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.testing.Distribution;
import dev.larder.testing.FakeUpstream;
import dev.larder.testing.Http;
import dev.larder.testing.Larder;
import dev.larder.testing.Python;
import dev.larder.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Real pip through {@code root/pypi}, a mirror of a local upstream: first online, then with upstream gone, then
 * with upstream gone and Larder restarted (SPEC §6: it keeps working when upstream is down).
 */
class MirrorPipEndToEndTest {

    @Test
    void pipInstallsThroughTheMirrorOnlineThenWithUpstreamDownThenAfterARestart() throws Exception {
        Path work = TestServer.newDataFolder();
        Path dist = Files.createDirectories(work.resolve("dist"));
        Python python = new Python(work.resolve("home"));
        Path dataFolder = TestServer.newDataFolder();
        FakeUpstream upstream = new FakeUpstream();
        upstream.project("pretty-app", Distribution.of("pretty-app", "2.0").requires("tiny-dep>=1.1").wheel(dist),
                Distribution.of("pretty-app", "1.0").wheel(dist));
        upstream.project("tiny-dep", Distribution.of("tiny-dep", "1.0").wheel(dist),
                Distribution.of("tiny-dep", "1.2").wheel(dist), Distribution.of("tiny-dep", "1.2").sdist(dist));
        Map<String, Object> settings = Map.of("larder.upstream-url", upstream.url(),
                "larder.upstream.connect-timeout", "1s", "larder.upstream.read-timeout", "2s");
        String indexUrl;

        try (TestServer server = TestServer.on(dataFolder, settings)) {
            indexUrl = server.uri() + "/root/pypi/+simple/";
            // Every page is stale at once, so the offline run below must be served from the stale cache.
            assertThat(new Http(server.uri()).json("PATCH", "/+api/indexes/root/pypi", Larder.ROOT,
                    "{\"mirror_cache_expiry\": 0}").statusCode()).isEqualTo(200);

            Python.Result online = python.pipInstall(python.newVenv(work.resolve("venv-online")), indexUrl,
                    "pretty-app");
            online.assertSucceeded();
            assertThat(online.output()).contains("Successfully installed pretty-app-2.0 tiny-dep-1.2");
            assertThat(upstream.requests("/files/tiny_dep-1.2-py3-none-any.whl")).isEqualTo(1);

            upstream.stop();
            Python.Result offline = python.pipInstall(python.newVenv(work.resolve("venv-offline")), indexUrl,
                    "pretty-app");
            offline.assertSucceeded();
            assertThat(offline.output()).contains("Successfully installed pretty-app-2.0 tiny-dep-1.2");
        }

        try (TestServer restarted = TestServer.on(dataFolder, settings)) {
            String url = restarted.uri() + "/root/pypi/+simple/";
            Python.Result afterRestart = python.pipInstall(python.newVenv(work.resolve("venv-restarted")), url,
                    "pretty-app");
            afterRestart.assertSucceeded();
            assertThat(afterRestart.output()).contains("Successfully installed pretty-app-2.0 tiny-dep-1.2");
            assertThat(new Http(restarted.uri()).get("/root/pypi/+simple/tiny-dep/").headers()
                    .firstValue("X-Larder-Stale")).hasValue("1");
        }
    }
}
