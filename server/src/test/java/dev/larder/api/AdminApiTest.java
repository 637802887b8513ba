package dev.larder.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.testing.Distribution;
import dev.larder.testing.Http;
import dev.larder.testing.Larder;
import dev.larder.testing.Multipart;
import dev.larder.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin JSON API of SPEC §5b: users, indexes and releases, with its errors. */
class AdminApiTest {

    private static TestServer server;
    private static Http http;
    private static Larder larder;

    @TempDir
    static Path dist;

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

    @Test
    void rootCreatesUsersWhoSeeAndChangeThemselvesButNotOthers() {
        String ann = larder.user("ann");
        larder.user("ben");

        assertThat(http.get("/+api/users/ann", "Authorization", ann).body()).contains("\"name\":\"ann\"");
        assertThat(http.get("/+api/users/ben", "Authorization", ann).statusCode()).isEqualTo(403);
        assertThat(http.get("/+api/users", "Authorization", ann).statusCode()).isEqualTo(403);
        assertThat(http.get("/+api/users", "Authorization", Larder.ROOT).body()).contains("\"name\":\"ann\"", "\"name\":\"ben\"");
        assertThat(http.json("PUT", "/+api/users/cat", ann, "{\"password\": \"whatever-password\"}").statusCode())
                .isEqualTo(403);

        HttpResponse<String> changed = http.json("PATCH", "/+api/users/ann", ann,
                "{\"password\": \"new-ann-password\", \"email\": \"ann@example.com\"}");

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("\"email\":\"ann@example.com\"");
        assertThat(http.get("/+api/users/ann", "Authorization", ann).statusCode()).isEqualTo(401);
        assertThat(http.get("/+api/users/ann", "Authorization", Http.basic("ann", "new-ann-password")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void badUserRequestsAreClear4xx() {
        larder.user("dup");

        assertThat(http.json("PUT", "/+api/users/dup", Larder.ROOT, "{\"password\": \"whatever-password\"}").body())
                .contains("User 'dup' already exists.");
        assertThat(http.json("PUT", "/+api/users/Bad%20Name", Larder.ROOT, "{\"password\": \"whatever-password\"}")
                .statusCode()).isEqualTo(400);
        assertThat(http.json("PUT", "/+api/users/shorty", Larder.ROOT, "{\"password\": \"short\"}").body())
                .contains("at least 8 characters");
        assertThat(http.json("PUT", "/+api/users/nopass", Larder.ROOT, "{}").body())
                .contains("Field 'password' is required");
        assertThat(http.json("PUT", "/+api/users/broken", Larder.ROOT, "{not json").body())
                .contains("The request body is not a JSON object");
        assertThat(http.json("PUT", "/+api/users/typo", Larder.ROOT, "{\"password\": \"whatever-password\", \"emial\": 1}")
                .body()).contains("Unknown field [emial]");
        assertThat(http.json("DELETE", "/+api/users/root", Larder.ROOT, null).statusCode()).isEqualTo(409);
    }

    @Test
    void aUserWhoOwnsIndexesCannotBeDeletedUntilTheyAreGone() {
        String owner = larder.user("owner");
        larder.index(owner, "owner/dev", "{}");

        HttpResponse<String> refused = http.json("DELETE", "/+api/users/owner", Larder.ROOT, null);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("still owns indexes [owner/dev]");

        assertThat(http.json("DELETE", "/+api/indexes/owner/dev", owner, null).statusCode()).isEqualTo(204);
        assertThat(http.json("DELETE", "/+api/users/owner", Larder.ROOT, null).statusCode()).isEqualTo(204);
        assertThat(http.get("/+api/users/owner", "Authorization", Larder.ROOT).statusCode()).isEqualTo(404);
    }

    @Test
    void indexesAreCreatedWithDefaultsShownChangedAndTheirTypeNeverChanges() {
        String team = larder.user("team");
        HttpResponse<String> created = http.json("PUT", "/+api/indexes/team/prod", team, "{\"title\": \"Production\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).isEqualTo("{\"name\":\"team/prod\",\"type\":\"stage\",\"bases\":[],\"volatile\":false,"
                + "\"acl_upload\":[\"team\"],\"acl_read\":[\":ANONYMOUS:\"],\"mirror_whitelist\":[],"
                + "\"upstream_min_age\":0,\"title\":\"Production\",\"description\":\"\"}");

        HttpResponse<String> changed = http.json("PATCH", "/+api/indexes/team/prod", team,
                "{\"acl_upload\": [\"team\", \":AUTHENTICATED:\"], \"mirror_whitelist\": [\"Requests\"]}");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("\"acl_upload\":[\"team\",\":AUTHENTICATED:\"]")
                .contains("\"mirror_whitelist\":[\"requests\"]");
        assertThat(http.json("PATCH", "/+api/indexes/team/prod", team, "{\"type\": \"mirror\"}").body())
                .contains("Index option 'type' cannot change");
        assertThat(http.get("/+api/indexes/team/prod").body()).contains("\"title\":\"Production\"");
    }

    @Test
    void indexOptionsAreValidatedNamingTheOption() {
        String val = larder.user("val");
        String[][] cases = {
                {"{\"bogus\": 1}", "Unknown index option 'bogus'"},
                {"{\"volatile\": \"maybe\"}", "Index option 'volatile' must be true or false"},
                {"{\"bases\": [\"nobody/nothing\"]}", "Index option 'bases' names 'nobody/nothing', which does not exist"},
                {"{\"bases\": \"root\"}", "Index option 'bases' holds 'root', which is not a 'user/index' reference"},
                {"{\"acl_read\": [\"Not A User\"]}", "Index option 'acl_read' holds 'Not A User'"},
                {"{\"upstream_min_age\": -1}", "Index option 'upstream_min_age' must be 0 or more seconds"},
                {"{\"mirror_url\": \"https://pypi.org/simple/\"}", "Index option 'mirror_url' does not apply to a stage index"},
                {"{\"type\": \"mirror\"}", "Index option 'mirror_url' is required for a mirror index"},
                {"{\"type\": \"mirror\", \"mirror_url\": \"ftp://x/\"}", "Index option 'mirror_url' must be an http or https URL"},
                {"{\"type\": \"mirror\", \"mirror_url\": \"https://x/\", \"bases\": []}", "Index option 'bases' does not apply to a mirror index"},
                {"{\"type\": \"cache\"}", "Index option 'type' must be \\\"stage\\\" or \\\"mirror\\\""}};
        for (String[] c : cases) {
            HttpResponse<String> response = http.json("PUT", "/+api/indexes/val/x", val, c[0]);
            assertThat(response.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(response.body()).as(c[0]).contains(c[1]);
        }
        assertThat(http.get("/+api/indexes/val/x").statusCode()).isEqualTo(404);
    }

    @Test
    void aMirrorIndexIsCreatedWithItsUrl() {
        HttpResponse<String> created = http.json("PUT", "/+api/indexes/root/torch", Larder.ROOT,
                "{\"type\": \"mirror\", \"mirror_url\": \"https://download.pytorch.org/whl/cpu/\", \"mirror_cache_expiry\": 60}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).isEqualTo("{\"name\":\"root/torch\",\"type\":\"mirror\","
                + "\"mirror_url\":\"https://download.pytorch.org/whl/cpu/\",\"mirror_cache_expiry\":60,"
                + "\"acl_read\":[\":ANONYMOUS:\"],\"title\":\"\",\"description\":\"\"}");
    }

    @Test
    void basesThatWouldMakeACycleAreRefusedNamingIt() {
        String cy = larder.user("cy");
        larder.index(cy, "cy/a", "{}");
        larder.index(cy, "cy/b", "{\"bases\": [\"cy/a\"]}");
        larder.index(cy, "cy/c", "{\"bases\": [\"cy/b\"]}");

        HttpResponse<String> response = http.json("PATCH", "/+api/indexes/cy/a", cy, "{\"bases\": [\"cy/c\"]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("would make a cycle: cy/a -> cy/c -> cy/b -> cy/a");
    }

    @Test
    void anIndexOthersInheritFromCannotBeDeleted() {
        String base = larder.user("basis");
        larder.index(base, "basis/prod", "{}");
        larder.index(base, "basis/dev", "{\"bases\": [\"basis/prod\"]}");

        HttpResponse<String> response = http.json("DELETE", "/+api/indexes/basis/prod", base, null);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("basis/dev inherits from it");
    }

    @Test
    void onlyTheOwnerOrRootChangesAnIndex() {
        String mine = larder.user("mine");
        String yours = larder.user("yours");
        larder.index(mine, "mine/dev", "{}");

        assertThat(http.json("PATCH", "/+api/indexes/mine/dev", yours, "{\"title\": \"x\"}").statusCode()).isEqualTo(403);
        assertThat(http.json("PUT", "/+api/indexes/mine/other", yours, "{}").statusCode()).isEqualTo(403);
        assertThat(http.json("PATCH", "/+api/indexes/mine/dev", Larder.ROOT, "{\"title\": \"x\"}").statusCode())
                .isEqualTo(200);
    }

    @Test
    void releasesAreListedYankedDeletedAndPushed() throws Exception {
        String rel = larder.user("rel");
        larder.index(rel, "rel/dev", "{\"volatile\": true}");
        larder.index(rel, "rel/prod", "{}");
        Path wheel = Distribution.of("shipit", "1.0").wheel(Files.createDirectories(dist.resolve("shipit")));
        assertThat(larder.upload("rel/dev", rel, Multipart.twineLike(wheel, "shipit", "1.0")).statusCode()).isEqualTo(200);

        assertThat(http.get("/+api/indexes/rel/dev/projects").body()).isEqualTo("{\"index\":\"rel/dev\",\"projects\":[\"shipit\"]}");
        assertThat(http.get("/+api/indexes/rel/dev/projects/ShipIt").body()).startsWith(
                "{\"name\":\"shipit\",\"versions\":{\"1.0\":{\"version\":\"1.0\",\"yanked\":false,\"files\":[{\"filename\":\"shipit-1.0-py3-none-any.whl\"")
                .contains("\"from\":\"rel/dev\"");

        HttpResponse<String> pushed = http.json("POST", "/+api/indexes/rel/dev/projects/shipit/1.0/push", rel,
                "{\"target\": \"rel/prod\"}");
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(201);
        assertThat(http.get("/rel/prod/+simple/shipit/").body()).contains("shipit-1.0-py3-none-any.whl");

        assertThat(http.json("PATCH", "/+api/indexes/rel/prod/projects/shipit/1.0", rel, "{\"yanked\": \"bad build\"}")
                .body()).contains("\"yanked\":\"bad build\"");
        assertThat(http.json("PATCH", "/+api/indexes/rel/prod/projects/shipit/1.0", rel, "{\"yanked\": 3}").statusCode())
                .isEqualTo(400);
        assertThat(http.json("DELETE", "/+api/indexes/rel/prod/projects/shipit/1.0", rel, null).body())
                .contains("is not volatile: only root may delete");
        assertThat(http.json("DELETE", "/+api/indexes/rel/dev/projects/shipit/1.0", rel, null).statusCode()).isEqualTo(204);
        assertThat(http.json("DELETE", "/+api/indexes/rel/dev/projects/shipit/1.0", rel, null).statusCode()).isEqualTo(404);
        assertThat(http.get("/+api/indexes/rel/dev/projects/shipit").body()).isEqualTo("{\"name\":\"shipit\",\"versions\":{}}");
    }

    @Test
    void aPushThatWouldReplaceOtherBytesInANonVolatileTargetIs409AndSharesBlobsOtherwise() throws Exception {
        String pusher = larder.user("pusher");
        larder.index(pusher, "pusher/dev", "{\"volatile\": true}");
        larder.index(pusher, "pusher/prod", "{}");
        Path devWheel = Distribution.of("pushme", "1.0").marker(" dev").wheel(Files.createDirectories(dist.resolve("push-dev")));
        Path prodWheel = Distribution.of("pushme", "1.0").marker(" prod").wheel(Files.createDirectories(dist.resolve("push-prod")));
        assertThat(larder.upload("pusher/dev", pusher, Multipart.twineLike(devWheel, "pushme", "1.0")).statusCode()).isEqualTo(200);
        assertThat(larder.upload("pusher/prod", pusher, Multipart.twineLike(prodWheel, "pushme", "1.0")).statusCode()).isEqualTo(200);
        long blobsBefore;
        try (var files = Files.walk(server.dataFolder().resolve("blobs/sha256"))) {
            blobsBefore = files.filter(Files::isRegularFile).count();
        }

        HttpResponse<String> conflict = http.json("POST", "/+api/indexes/pusher/dev/projects/pushme/1.0/push", pusher,
                "{\"target\": \"pusher/prod\"}");
        larder.index(pusher, "pusher/qa", "{}");
        HttpResponse<String> shared = http.json("POST", "/+api/indexes/pusher/dev/projects/pushme/1.0/push", pusher,
                "{\"target\": \"pusher/qa\"}");

        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).contains("File already exists");
        assertThat(shared.statusCode()).isEqualTo(201);
        try (var files = Files.walk(server.dataFolder().resolve("blobs/sha256"))) {
            assertThat(files.filter(Files::isRegularFile).count()).as("no bytes copied").isEqualTo(blobsBefore);
        }
        String stranger = larder.user("outsider");
        assertThat(http.json("POST", "/+api/indexes/pusher/dev/projects/pushme/1.0/push", stranger,
                "{\"target\": \"pusher/qa\"}").statusCode()).isEqualTo(403);
    }
}
