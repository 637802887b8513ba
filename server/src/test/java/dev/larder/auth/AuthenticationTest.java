package dev.larder.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.testing.Http;
import dev.larder.testing.Larder;
import dev.larder.testing.TestServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Passwords, tokens and the slowing down of guessing (SPEC §8). */
class AuthenticationTest {

    private static TestServer server;
    private static Http http;
    private static Larder larder;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
        http = new Http(server.uri());
        larder = new Larder(http);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static int whoAmI(String auth) {
        return http.get("/+api/tokens", "Authorization", auth).statusCode();
    }

    @Test
    void aRightPasswordAuthenticatesAndAWrongOneIs401() {
        String alice = larder.user("alice");

        assertThat(whoAmI(alice)).isEqualTo(200);
        HttpResponse<String> wrong = http.get("/+api/tokens", "Authorization", Http.basic("alice", "wrong-password"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Invalid or non-existent authentication information");
        assertThat(whoAmI(Http.basic("nobody", "whatever-password"))).isEqualTo(401);
    }

    @Test
    void malformedCredentialsAre401WithAReason() {
        assertThat(http.get("/+api/tokens", "Authorization", "Basic !!!").body()).contains("not valid base64");
        assertThat(http.get("/+api/tokens", "Authorization", "Digest abc").body())
                .contains("Unsupported authorization scheme 'Digest'");
    }

    @Test
    void aTokenIsShownOnceListedWithoutItsSecretAndStopsWorkingWhenRevoked() {
        String bob = larder.user("bob");
        String token = larder.token(bob, "{\"scope\": \"read\", \"description\": \"laptop\"}");
        String id = http.get("/+api/tokens", "Authorization", bob).body().replaceAll(".*\"id\":\"([0-9a-f]+)\".*", "$1");

        assertThat(whoAmI("Bearer " + token)).isEqualTo(200);
        assertThat(http.get("/+api/tokens", "Authorization", bob).body()).contains("\"description\":\"laptop\"")
                .doesNotContain(token);
        assertThat(http.json("DELETE", "/+api/tokens/" + id, bob, null).statusCode()).isEqualTo(204);
        assertThat(whoAmI("Bearer " + token)).isEqualTo(401);
        assertThat(http.get("/+api/tokens", "Authorization", bob).body()).contains("\"revoked_at\":");
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        String carol = larder.user("carol");
        String token = larder.token(carol, "{\"scope\": \"read\", \"expires_in\": 1}");
        assertThat(whoAmI("Bearer " + token)).isEqualTo(200);

        Thread.sleep(1_100);

        assertThat(whoAmI("Bearer " + token)).isEqualTo(401);
    }

    @Test
    void aTokenCannotMintTokens() {
        String dave = larder.user("dave");
        String token = larder.token(dave, "{\"scope\": \"upload\"}");

        HttpResponse<String> response = http.json("POST", "/+api/tokens", Http.basic("__token__", token),
                "{\"scope\": \"upload\"}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Tokens are created with a password login");
    }

    @Test
    void badTokenRequestsAre400NamingTheField() {
        String erin = larder.user("erin");

        assertThat(http.json("POST", "/+api/tokens", erin, "{\"scope\": \"admin\"}").body())
                .contains("Token scope must be \\\"read\\\" or \\\"upload\\\"");
        assertThat(http.json("POST", "/+api/tokens", erin, "{\"scope\": \"read\", \"expires_in\": -5}").body())
                .contains("Field 'expires_in'");
        assertThat(http.json("POST", "/+api/tokens", erin, "{\"scope\": \"read\", \"indexes\": [\"x/y\"]}").statusCode())
                .isEqualTo(404);
        assertThat(http.json("POST", "/+api/tokens", erin, "{\"scpe\": \"read\"}").body()).contains("Unknown field [scpe]");
    }

    @Test
    void repeatedFailedLoginsForOneUserAreThrottledWith429EvenWithTheRightPassword() {
        String frank = larder.user("frank");
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_USER; i++) {
            assertThat(whoAmI(Http.basic("frank", "guess-" + i))).isEqualTo(401);
        }

        HttpResponse<String> throttled = http.get("/+api/tokens", "Authorization", frank);

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(throttled.body()).contains("Too many failed logins");
    }

    @Test
    void failedLoginsAndTokenCreationAreInTheAuditLogWhichOnlyRootReads() {
        String grace = larder.user("grace");
        whoAmI(Http.basic("grace", "not-her-password"));
        larder.token(grace, "{\"scope\": \"read\"}");

        HttpResponse<String> audit = http.get("/+api/audit?limit=50", "Authorization", Larder.ROOT);

        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(audit.body()).contains("\"action\":\"login.failed\"").contains("\"target\":\"user grace\"")
                .contains("\"action\":\"token.create\"").contains("\"action\":\"user.create\"");
        assertThat(http.get("/+api/audit", "Authorization", grace).statusCode()).isEqualTo(403);
    }
}
