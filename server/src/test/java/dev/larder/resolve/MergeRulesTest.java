package dev.larder.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.testing.Distribution;
import dev.larder.testing.FakeUpstream;
import dev.larder.testing.Http;
import dev.larder.testing.Larder;
import dev.larder.testing.Multipart;
import dev.larder.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The merge rules of SPEC §3-§4, one row per case: each case builds its own indexes and project on one server
 * with a local upstream, then checks which file each index shows from where, and which rule hid what.
 */
class MergeRulesTest {

    private static final AtomicInteger CASES = new AtomicInteger();

    private static TestServer server;
    private static Http http;
    private static Larder larder;
    private static FakeUpstream upstream;
    private static String team;
    private static Path dist;

    @BeforeAll
    static void start() throws Exception {
        upstream = new FakeUpstream();
        server = TestServer.on(TestServer.newDataFolder(), Map.of("larder.upstream-url", upstream.url()));
        http = new Http(server.uri());
        larder = new Larder(http);
        team = larder.user("team");
        dist = Files.createDirectories(server.dataFolder().resolve("dist"));
    }

    @AfterAll
    static void stop() {
        server.close();
        upstream.close();
    }

    /** One row: what to build, which index to ask, and what it must show and hide. */
    record Case(Setup setup, String asked, List<String> shown, List<String> hiddenRules) {}

    @FunctionalInterface
    interface Setup {
        void build(Names n) throws Exception;
    }

    /** Unique names for one case: indexes {@code team/<x>-N}, project {@code proj-N}. */
    record Names(int n) {
        String index(String x) {
            return "team/" + x + "-" + n;
        }

        String project() {
            return "proj-" + n;
        }

        /** {@code proj_N-<version>-py3-none-any.whl} */
        String wheel(String version) {
            return "proj_" + n + "-" + version + "-py3-none-any.whl";
        }
    }

    private static void stage(String name, String options) {
        larder.index(team, name, options);
    }

    private static void upload(String index, Names n, String version, String marker) throws Exception {
        Path folder = Files.createDirectories(dist.resolve(index.replace('/', '_') + "-" + version + marker.hashCode()));
        Path wheel = Distribution.of(n.project(), version).marker(marker).wheel(folder);
        HttpResponse<String> response = larder.upload(index, team, Multipart.twineLike(wheel, n.project(), version));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static void upstreamHas(Names n, String... versions) throws Exception {
        Path[] files = new Path[versions.length];
        for (int i = 0; i < versions.length; i++) {
            Path folder = Files.createDirectories(dist.resolve("upstream-" + n.n() + "-" + versions[i]));
            files[i] = Distribution.of(n.project(), versions[i]).marker(" upstream").wheel(folder);
        }
        upstream.project(n.project(), files);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // The mirror is not even asked: a private name never reaches upstream.
                row("private only: a stage's files", new Case(n -> {
                    stage(n.index("dev"), "{\"bases\": [\"root/pypi\"]}");
                    upload(n.index("dev"), n, "1.0", "");
                }, "dev", List.of("1.0 from dev"), List.of("private-project"))),
                row("upstream only: the mirror's files", new Case(n -> {
                    stage(n.index("dev"), "{\"bases\": [\"root/pypi\"]}");
                    upstreamHas(n, "1.0", "2.0");
                }, "dev", List.of("1.0 from root/pypi", "2.0 from root/pypi"), List.of())),
                row("a private project hides every upstream file of its name", new Case(n -> {
                    stage(n.index("dev"), "{\"bases\": [\"root/pypi\"]}");
                    upload(n.index("dev"), n, "1.0", "");
                    upstreamHas(n, "1.0", "2.0", "3.0");
                }, "dev", List.of("1.0 from dev"), List.of("private-project"))),
                row("a whitelisted name merges upstream", new Case(n -> {
                    upstreamHas(n, "2.0");
                    stage(n.index("dev"), "{\"bases\": [\"root/pypi\"], \"mirror_whitelist\": [\"" + n.project() + "\"]}");
                    upload(n.index("dev"), n, "1.0", "");
                }, "dev", List.of("1.0 from dev", "2.0 from root/pypi"), List.of())),
                row("the * whitelist merges upstream", new Case(n -> {
                    upstreamHas(n, "2.0");
                    stage(n.index("dev"), "{\"bases\": [\"root/pypi\"], \"mirror_whitelist\": [\"*\"]}");
                    upload(n.index("dev"), n, "1.0", "");
                }, "dev", List.of("1.0 from dev", "2.0 from root/pypi"), List.of())),
                row("a base's whitelist does not widen its child", new Case(n -> {
                    upstreamHas(n, "2.0");
                    stage(n.index("prod"), "{\"bases\": [\"root/pypi\"], \"mirror_whitelist\": [\"*\"]}");
                    stage(n.index("dev"), "{\"bases\": [\"" + n.index("prod") + "\"]}");
                    upload(n.index("prod"), n, "1.0", "");
                }, "dev", List.of("1.0 from prod"), List.of("private-project"))),
                row("the same filename in two stages: the first in the order wins", new Case(n -> {
                    stage(n.index("prod"), "{}");
                    stage(n.index("dev"), "{\"bases\": [\"" + n.index("prod") + "\"]}");
                    upload(n.index("prod"), n, "1.0", " prod build");
                    upload(n.index("dev"), n, "1.0", " dev build");
                    upload(n.index("prod"), n, "0.9", "");
                }, "dev", List.of("0.9 from prod", "1.0 from dev"), List.of("shadowed-filename"))),
                row("a release yanked in a base shows yanked in the child", new Case(n -> {
                    stage(n.index("prod"), "{}");
                    stage(n.index("dev"), "{\"bases\": [\"" + n.index("prod") + "\"]}");
                    upload(n.index("prod"), n, "1.0", "");
                    assertThat(http.json("PATCH", "/+api/indexes/" + n.index("prod") + "/projects/" + n.project()
                            + "/1.0", team, "{\"yanked\": \"bad\"}").statusCode()).isEqualTo(200);
                }, "dev", List.of("1.0 from prod yanked"), List.of())),
                row("the cooldown hides a fresh upstream file", new Case(n -> {
                    upstreamHas(n, "1.0", "2.0");
                    upstream.uploadTime(n.wheel("2.0"), Instant.now().minusSeconds(60));
                    stage(n.index("dev"), "{\"bases\": [\"root/pypi\"], \"upstream_min_age\": 86400}");
                }, "dev", List.of("1.0 from root/pypi"), List.of("cooldown"))),
                row("diamond inheritance asks each index once", new Case(n -> {
                    stage(n.index("a"), "{}");
                    stage(n.index("b"), "{\"bases\": [\"" + n.index("a") + "\"]}");
                    stage(n.index("c"), "{\"bases\": [\"" + n.index("a") + "\"]}");
                    stage(n.index("d"), "{\"bases\": [\"" + n.index("b") + "\", \"" + n.index("c") + "\"]}");
                    upload(n.index("a"), n, "1.0", "");
                }, "d", List.of("1.0 from a"), List.of())),
                row("a mirror listed before a stage in bases still comes last", new Case(n -> {
                    upstreamHas(n, "1.0");
                    stage(n.index("prod"), "{}");
                    stage(n.index("dev"), "{\"bases\": [\"root/pypi\", \"" + n.index("prod") + "\"],"
                            + " \"mirror_whitelist\": [\"*\"]}");
                    upload(n.index("prod"), n, "1.0", " private build");
                }, "dev", List.of("1.0 from prod"), List.of("shadowed-filename"))));
    }

    private static Arguments row(String name, Case c) {
        return Arguments.of(Named.of(name, c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mergesAsSpec4Says(Case c) throws Exception {
        Names n = new Names(CASES.incrementAndGet());
        c.setup().build(n);
        String asked = n.index(c.asked());

        HttpResponse<String> explain = http.get("/" + asked + "/+explain/" + n.project());
        String page = http.get("/" + asked + "/+simple/" + n.project() + "/", "Accept",
                "application/vnd.pypi.simple.v1+json").body();

        assertThat(explain.statusCode()).as(explain.body()).isEqualTo(200);
        List<String> shown = Pattern.compile("\\{\"filename\":\"([^\"]+)\",\"version\":\"([^\"]+)\",\"from\":\"([^\"]+)\"}")
                .matcher(explain.body()).results()
                .map(m -> m.group(2) + " from " + shortName(m.group(3), n)
                        + (page.contains("\"filename\":\"" + m.group(1) + "\"") && yanked(page, m.group(1)) ? " yanked" : ""))
                .sorted().toList();
        assertThat(shown).as(explain.body()).containsExactlyElementsOf(c.shown().stream().sorted().toList());
        List<String> rules = Pattern.compile("\"rule\":\"([^\"]+)\"").matcher(explain.body()).results()
                .map(m -> m.group(1)).distinct().toList();
        assertThat(rules).as(explain.body()).containsExactlyInAnyOrderElementsOf(c.hiddenRules());
        for (String file : shown) {
            assertThat(page).contains("\"filename\":\"" + n.wheel(file.split(" ")[0]) + "\"");
        }
    }

    private static boolean yanked(String page, String filename) {
        Matcher m = Pattern.compile("\"filename\":\"" + Pattern.quote(filename) + "\"((?!\"filename\").)*\"yanked\":(\"[^\"]*\"|true)")
                .matcher(page);
        return m.find();
    }

    private static String shortName(String index, Names n) {
        return index.equals("root/pypi") ? index : index.substring("team/".length()).replace("-" + n.n(), "");
    }

    @Test
    void theResolutionOrderIsBreadthFirstEachIndexOnceMirrorsLast() {
        Names n = new Names(CASES.incrementAndGet());
        stage(n.index("a"), "{}");
        stage(n.index("b"), "{\"bases\": [\"root/pypi\", \"" + n.index("a") + "\"]}");
        stage(n.index("c"), "{\"bases\": [\"" + n.index("a") + "\"]}");
        stage(n.index("d"), "{\"bases\": [\"" + n.index("b") + "\", \"" + n.index("c") + "\"]}");
        upload(n.index("c"), n);

        String explain = http.get("/" + n.index("d") + "/+explain/" + n.project()).body();

        assertThat(explain).contains("\"resolution_order\":[\"" + n.index("d") + "\",\"" + n.index("b") + "\",\""
                + n.index("c") + "\",\"" + n.index("a") + "\",\"root/pypi\"]");
    }

    private static void upload(String index, Names n) {
        try {
            upload(index, n, "1.0", "");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anUploadYankOrIndexChangeShowsAtOnceThroughEveryInheritingIndex() throws Exception {
        Names n = new Names(CASES.incrementAndGet());
        stage(n.index("prod"), "{\"bases\": [\"root/pypi\"]}");
        stage(n.index("dev"), "{\"bases\": [\"" + n.index("prod") + "\"]}");
        upstreamHas(n, "5.0");
        String path = "/" + n.index("dev") + "/+simple/" + n.project() + "/";
        assertThat(http.get(path).body()).contains(n.wheel("5.0"));

        upload(n.index("prod"), n, "1.0", "");
        assertThat(http.get(path).body()).contains(n.wheel("1.0")).doesNotContain(n.wheel("5.0"));

        assertThat(http.json("PATCH", "/+api/indexes/" + n.index("prod") + "/projects/" + n.project() + "/1.0", team,
                "{\"yanked\": true}").statusCode()).isEqualTo(200);
        assertThat(http.get(path).body()).contains("data-yanked=\"\"");

        assertThat(http.json("PATCH", "/+api/indexes/" + n.index("dev"), team,
                "{\"mirror_whitelist\": [\"*\"]}").statusCode()).isEqualTo(200);
        assertThat(http.get(path).body()).contains(n.wheel("1.0")).contains(n.wheel("5.0"));
    }

    @Test
    void inheritedFilesDownloadThroughTheChildAndHiddenOnesDoNot() throws Exception {
        Names n = new Names(CASES.incrementAndGet());
        stage(n.index("prod"), "{\"bases\": [\"root/pypi\"]}");
        stage(n.index("dev"), "{\"bases\": [\"" + n.index("prod") + "\"]}");
        upstreamHas(n, "7.0");
        String upstreamFile = Pattern.compile("\"url\":\"\\.\\./\\.\\./([^\"]+)\"").matcher(http.get("/root/pypi/+simple/"
                + n.project() + "/", "Accept", "application/vnd.pypi.simple.v1+json").body()).results()
                .findFirst().orElseThrow().group(1);
        assertThat(http.get("/" + n.index("dev") + "/" + upstreamFile).statusCode()).isEqualTo(200);

        upload(n.index("prod"), n, "1.0", "");
        String privateFile = Pattern.compile("\"url\":\"\\.\\./\\.\\./([^\"]+)\"").matcher(http.get("/" + n.index("dev")
                + "/+simple/" + n.project() + "/", "Accept", "application/vnd.pypi.simple.v1+json").body()).results()
                .findFirst().orElseThrow().group(1);

        assertThat(http.get("/" + n.index("dev") + "/" + privateFile).statusCode()).isEqualTo(200);
        assertThat(http.get("/" + n.index("dev") + "/" + privateFile + ".metadata").statusCode()).isEqualTo(200);
        assertThat(http.get("/" + n.index("dev") + "/" + upstreamFile).statusCode())
                .as("a file the merge hides is not served through the index").isEqualTo(404);
        assertThat(http.get("/root/pypi/" + upstreamFile).statusCode()).isEqualTo(200);
    }

    @Test
    void theRootListingIsTheUnionOfEveryIndexInTheOrder() throws Exception {
        Names n = new Names(CASES.incrementAndGet());
        stage(n.index("prod"), "{}");
        stage(n.index("dev"), "{\"bases\": [\"" + n.index("prod") + "\", \"root/pypi\"]}");
        upload(n.index("prod"), n, "1.0", "");
        upstreamHas(new Names(n.n() + 1000), "1.0");
        http.get("/root/pypi/+simple/"); // starts the mirror's list fetch

        HttpResponse<String> listing = http.get("/" + n.index("dev") + "/+simple/");
        for (int i = 0; i < 100 && listing.body().indexOf("proj-" + (n.n() + 1000)) < 0; i++) {
            Thread.sleep(100);
            listing = http.get("/" + n.index("dev") + "/+simple/");
        }

        assertThat(listing.body()).contains("<a href=\"" + n.project() + "/\">")
                .contains("<a href=\"proj-" + (n.n() + 1000) + "/\">");
        assertThat(http.get("/" + n.index("dev") + "/+simple/", "Accept", "application/vnd.pypi.simple.v1+json").body())
                .contains("{\"name\":\"" + n.project() + "\"}");
    }
}
