package dev.larder.jsonapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.testing.Distribution;
import dev.larder.testing.Http;
import dev.larder.testing.Larder;
import dev.larder.testing.Multipart;
import dev.larder.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PyPI's JSON API for an index: protocol.md §5 and §10 rows 98-100. */
class PypiJsonApiTest {

    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void startServer(@TempDir Path dist) throws Exception {
        server = TestServer.start();
        http = new Http(server.uri());
        Larder larder = new Larder(http);
        String team = larder.user("team");
        larder.index(team, "team/dev", "{}");
        for (String version : new String[] {"1.0", "1.1", "2.0b1", "1.2"}) {
            Path wheel = Distribution.of("Json_Pkg", version).requires("attrs").wheel(dist);
            assertThat(larder.upload("team/dev", team, Multipart.twineLike(wheel, "json-pkg", version)).statusCode())
                    .isEqualTo(200);
        }
        assertThat(http.json("PATCH", "/+api/indexes/team/dev/projects/json-pkg/1.2", team, "{\"yanked\": \"oops\"}")
                .statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void row98_theProjectEndpointHasEveryTopLevelKeyAndLatestIsTheNewestNonYankedFinalRelease() {
        HttpResponse<String> response = http.get("/team/dev/pypi/json-pkg/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).startsWith("{\"info\":{\"name\":\"Json_Pkg\",\"version\":\"1.1\",")
                .contains("\"last_serial\":", "\"releases\":{\"2.0b1\":[", "\"urls\":[{\"filename\":\"json_pkg-1.1-py3-none-any.whl\"",
                        "\"vulnerabilities\":[]", "\"requires_dist\":[\"attrs\"]", "\"digests\":{\"md5\":",
                        "\"upload_time_iso_8601\":", "\"packagetype\":\"bdist_wheel\"");
        assertThat(response.body().indexOf("\"2.0b1\"")).isLessThan(response.body().indexOf("\"1.2\":"));
    }

    @Test
    void row99_theReleaseEndpointFindsACanonicallyEqualVersionAndHasNoReleasesKey() {
        HttpResponse<String> response = http.get("/team/dev/pypi/json-pkg/1.0.0/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"version\":\"1.0\"").doesNotContain("\"releases\"");
        assertThat(http.get("/team/dev/pypi/json-pkg/1.2/json").body()).contains("\"yanked\":true,\"yanked_reason\":\"oops\"");
    }

    @Test
    void row100_nonNormalizedNamesRedirectUnknownIs404AndTheSerialIsAHeader() {
        HttpResponse<String> redirect = http.get("/team/dev/pypi/JSON.pkg/json");
        HttpResponse<String> found = http.get("/team/dev/pypi/json-pkg/json");

        assertThat(redirect.statusCode()).isEqualTo(301);
        assertThat(redirect.headers().firstValue("Location")).hasValue("/team/dev/pypi/json-pkg/json");
        assertThat(http.get("/team/dev/pypi/unknown/json").statusCode()).isEqualTo(404);
        assertThat(http.get("/team/dev/pypi/json-pkg/9.9/json").statusCode()).isEqualTo(404);
        assertThat(found.headers().firstValue("X-PyPI-Last-Serial")).hasValueSatisfying(v -> assertThat(v).matches("\\d+"));
        assertThat(found.body()).contains("\"last_serial\":" + found.headers().firstValue("X-PyPI-Last-Serial").orElseThrow());
    }
}
