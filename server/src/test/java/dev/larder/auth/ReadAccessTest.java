package dev.larder.auth;

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

/** Indexes whose acl_read excludes anonymous callers: SPEC §2, §5 and protocol.md §10 rows 65-67. */
class ReadAccessTest {

    private static TestServer server;
    private static Http http;
    private static Larder larder;
    private static String team;
    private static String reader;
    private static String stranger;
    private static String fileUrl;

    @BeforeAll
    static void startServer(@TempDir Path dist) throws Exception {
        server = TestServer.start();
        http = new Http(server.uri());
        larder = new Larder(http);
        team = larder.user("team");
        reader = larder.user("reader");
        stranger = larder.user("stranger");
        larder.index(team, "team/private", "{\"acl_read\": [\"reader\"]}");
        Path wheel = Distribution.of("secret-sauce", "1.0").wheel(dist);
        assertThat(larder.upload("team/private", team, Multipart.twineLike(wheel, "secret-sauce", "1.0"))
                .statusCode()).isEqualTo(200);
        fileUrl = "/team/private/+f/" + Multipart.sha256(java.nio.file.Files.readAllBytes(wheel)) + "/"
                + wheel.getFileName();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void row65_anonymousReadsOfPagesFilesAndJsonGet401WithABasicChallenge() {
        for (String path : new String[] {"/team/private/+simple/", "/team/private/+simple/secret-sauce/", fileUrl,
                fileUrl + ".metadata", "/team/private/pypi/secret-sauce/json",
                "/+api/indexes/team/private/projects"}) {
            HttpResponse<String> response = http.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(path).hasValue("Basic realm=\"larder\"");
            assertThat(response.body()).as(path).contains("Log in to read index 'team/private'");
        }
    }

    @Test
    void row66_67_listedUsersReadPagesAndFilesWithTheSameCredentialsAndPrivateCaching() {
        HttpResponse<String> page = http.get("/team/private/+simple/secret-sauce/", "Authorization", reader);
        HttpResponse<String> file = http.get(fileUrl, "Authorization", reader);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("private, max-age=60");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Cache-Control")).hasValue("private, max-age=365000000, immutable");
    }

    @Test
    void theOwnerAndRootAlwaysRead() {
        assertThat(http.get("/team/private/+simple/", "Authorization", team).statusCode()).isEqualTo(200);
        assertThat(http.get("/team/private/+simple/", "Authorization", Larder.ROOT).statusCode()).isEqualTo(200);
    }

    @Test
    void aUserNotListedGets403() {
        HttpResponse<String> response = http.get("/team/private/+simple/", "Authorization", stranger);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("User 'stranger' may not read index 'team/private'");
    }

    @Test
    void aReadTokenOfAListedUserReads() {
        String token = larder.token(reader, "{\"scope\": \"read\", \"indexes\": [\"team/private\"]}");

        assertThat(http.get("/team/private/+simple/", "Authorization", Http.basic("__token__", token)).statusCode())
                .isEqualTo(200);
        assertThat(http.get("/team/private/+simple/", "Authorization", "Bearer " + token).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aTokenNarrowedToAnotherIndexDoesNotRead() {
        larder.index(team, "team/open", "{}");
        String token = larder.token(reader, "{\"scope\": \"read\", \"indexes\": [\"team/open\"]}");

        HttpResponse<String> response = http.get("/team/private/+simple/", "Authorization", "Bearer " + token);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(http.get("/team/open/+simple/", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
    }

    @Test
    void aPrivateIndexIsNotListedToThoseWhoCannotReadIt() {
        assertThat(http.get("/+api/indexes").body()).doesNotContain("team/private");
        assertThat(http.get("/+api/indexes", "Authorization", reader).body()).contains("team/private");
    }
}
