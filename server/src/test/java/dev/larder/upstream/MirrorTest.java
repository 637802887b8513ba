package dev.larder.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.testing.Distribution;
import dev.larder.testing.FakeUpstream;
import dev.larder.testing.Http;
import dev.larder.testing.Larder;
import dev.larder.testing.Race;
import dev.larder.testing.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mirror indexes against a local upstream (SPEC §6; protocol.md §10 rows 101-106). Each test makes its own mirror
 * index, so each starts with an empty cache.
 */
class MirrorTest {

    private static final String JSON = "application/vnd.pypi.simple.v1+json";
    private static final AtomicInteger MIRRORS = new AtomicInteger();

    private static TestServer server;
    private static Http http;
    private static FakeUpstream upstream;
    private static Path wheel;
    private static Path sdist;
    private static byte[] wheelBytes;

    @TempDir
    static Path dist;

    @BeforeAll
    static void start() throws Exception {
        upstream = new FakeUpstream();
        wheel = Distribution.of("upstreamer", "1.0").requires("other").wheel(dist);
        sdist = Distribution.of("upstreamer", "1.0").sdist(dist);
        wheelBytes = Files.readAllBytes(wheel);
        Path old = Distribution.of("upstreamer", "0.9").wheel(dist);
        upstream.project("upstreamer", 10, true, Map.of(old.getFileName().toString(), "broken <build>"),
                old, wheel, sdist);
        server = TestServer.on(TestServer.newDataFolder(), Map.of("larder.upstream-url", upstream.url(),
                "larder.upstream.retry-after-failure", "1ms", "larder.upstream.read-timeout", "2s"));
        http = new Http(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
        upstream.close();
    }

    @AfterEach
    void healUpstream() {
        upstream.healthy();
        upstream.jsonPages();
    }

    /** A new mirror of the fake upstream; answers its name. */
    private static String mirror(String options) {
        return mirror(upstream, options);
    }

    private static String mirror(FakeUpstream of, String options) {
        String name = "root/m" + MIRRORS.incrementAndGet();
        HttpResponse<String> created = http.json("PUT", "/+api/indexes/" + name, Larder.ROOT,
                "{\"type\": \"mirror\", \"mirror_url\": \"" + of.url() + "\"" + options + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return name;
    }

    /**
     * A wheel no other test downloads: the blob store is shared by every mirror, so a file one test fetched is
     * cached for all the others.
     */
    private static Path uniqueWheel(String project) throws Exception {
        return Distribution.of(project, "1.0").wheel(Files.createDirectories(dist.resolve(project)));
    }

    private static String fileUrl(String mirror, String page, String filename) {
        Matcher url = Pattern.compile("\"filename\":\"" + Pattern.quote(filename) + "\",\"url\":\"\\.\\./\\.\\./([^\"]+)\"")
                .matcher(page);
        assertThat(url.find()).as(page).isTrue();
        return "/" + mirror + "/" + url.group(1);
    }

    @Test
    void row102_aProxiedPageRewritesUrlsAndKeepsHashesRequiresPythonSizeUploadTimeAndMetadata() throws Exception {
        String mirror = mirror("");

        HttpResponse<String> page = http.get("/" + mirror + "/+simple/upstreamer/", "Accept", JSON);

        assertThat(page.statusCode()).isEqualTo(200);
        String sha256 = FakeUpstream.hex(FakeUpstream.sha256(wheelBytes));
        assertThat(page.body()).contains("\"url\":\"../../+f/" + sha256 + "/upstreamer-1.0-py3-none-any.whl\"")
                .contains("\"hashes\":{\"sha256\":\"" + sha256 + "\"}")
                .contains("\"requires-python\":\">=3.7\"")
                .contains("\"size\":" + wheelBytes.length)
                .contains("\"upload-time\":\"2024-01-02T03:04:05.123456Z\"")
                .contains("\"core-metadata\":{\"sha256\":")
                .contains("\"versions\":[\"0.9\",\"1.0\"]")
                .doesNotContain("127.0.0.1");
        assertThat(http.get("/" + mirror + "/+simple/upstreamer/").body())
                .contains("href=\"../../+f/" + sha256 + "/upstreamer-1.0-py3-none-any.whl#sha256=" + sha256 + "\"");
    }

    @Test
    void row101_upstreamYankedFlagsAndReasonsAreCarriedThrough() {
        String mirror = mirror("");

        assertThat(http.get("/" + mirror + "/+simple/upstreamer/", "Accept", JSON).body())
                .contains("\"yanked\":\"broken <build>\"");
        assertThat(http.get("/" + mirror + "/+simple/upstreamer/").body()).contains("data-yanked=\"broken &lt;build&gt;\"");
    }

    @Test
    void anHtmlOnlyUpstreamIsReadAndItsPagesClaimApiVersion10WithoutSizes() {
        upstream.htmlOnly();
        String mirror = mirror("");

        String json = http.get("/" + mirror + "/+simple/upstreamer/", "Accept", JSON).body();

        String sha256 = FakeUpstream.hex(FakeUpstream.sha256(wheelBytes));
        assertThat(json).startsWith("{\"meta\":{\"api-version\":\"1.0\"},\"name\":\"upstreamer\",\"files\":[")
                .contains("\"url\":\"../../+f/" + sha256 + "/upstreamer-1.0-py3-none-any.whl\"")
                .contains("\"requires-python\":\">=3.7\"").contains("\"yanked\":\"broken <build>\"")
                .contains("\"core-metadata\":{\"sha256\":").doesNotContain("\"size\"");
        assertThat(http.get("/" + mirror + "/+simple/upstreamer/").body())
                .contains("<meta name=\"pypi:repository-version\" content=\"1.0\">");
    }

    @Test
    void aFreshPageIsServedFromTheCacheWithoutAskingUpstream() {
        String mirror = mirror("");
        upstream.resetCounts();

        for (int i = 0; i < 5; i++) {
            assertThat(http.get("/" + mirror + "/+simple/upstreamer/").statusCode()).isEqualTo(200);
        }

        assertThat(upstream.requests("/simple/upstreamer/")).isEqualTo(1);
    }

    @Test
    void row104_anExpiredPageIsRevalidatedWithIfNoneMatchAndA304KeepsIt() {
        String mirror = mirror(", \"mirror_cache_expiry\": 0");
        String first = http.get("/" + mirror + "/+simple/upstreamer/").body();
        upstream.resetCounts();

        String second = http.get("/" + mirror + "/+simple/upstreamer/").body();

        assertThat(second).isEqualTo(first);
        assertThat(upstream.requests("/simple/upstreamer/")).isEqualTo(1);
    }

    @Test
    void row105_whenUpstreamFailsTheLastGoodPageIsServedMarkedStale() {
        String mirror = mirror(", \"mirror_cache_expiry\": 0");
        String good = http.get("/" + mirror + "/+simple/upstreamer/").body();

        upstream.failWith(503);
        HttpResponse<String> stale = http.get("/" + mirror + "/+simple/upstreamer/");
        upstream.healthy();
        upstream.delay(Duration.ofSeconds(3)); // longer than the 2 s read timeout
        HttpResponse<String> timedOut = http.get("/" + mirror + "/+simple/upstreamer/");

        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).isEqualTo(good);
        assertThat(stale.headers().firstValue("X-Larder-Stale")).hasValue("1");
        assertThat(timedOut.statusCode()).isEqualTo(200);
        assertThat(timedOut.headers().firstValue("X-Larder-Stale")).hasValue("1");
    }

    @Test
    void row105_whenUpstreamFailsAndNothingWasEverFetchedTheAnswerIs502SayingWhy() {
        String mirror = mirror("");
        upstream.failWith(500);

        HttpResponse<String> response = http.get("/" + mirror + "/+simple/upstreamer/");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("is unavailable").contains("upstream answered 500")
                .contains("was never fetched");
    }

    @Test
    void anUpstream404IsA404AndIsRememberedForAWhile() {
        String mirror = mirror("");
        upstream.resetCounts();

        assertThat(http.get("/" + mirror + "/+simple/no-such-thing/").statusCode()).isEqualTo(404);
        assertThat(http.get("/" + mirror + "/+simple/no-such-thing/").statusCode()).isEqualTo(404);

        assertThat(upstream.requests("/simple/no-such-thing/")).isEqualTo(1);
    }

    @Test
    void row103_aPageWithALowerSerialThanTheCachedOneIsIgnored() throws Exception {
        Path newer = Distribution.of("serialized", "2.0").wheel(Files.createDirectories(dist.resolve("serial-2")));
        Path older = Distribution.of("serialized", "1.0").wheel(Files.createDirectories(dist.resolve("serial-1")));
        upstream.project("serialized", 20, true, Map.of(), newer);
        String mirror = mirror(", \"mirror_cache_expiry\": 0");
        assertThat(http.get("/" + mirror + "/+simple/serialized/").body()).contains("serialized-2.0");

        upstream.project("serialized", 19, true, Map.of(), older); // a lagging CDN node
        String page = http.get("/" + mirror + "/+simple/serialized/").body();

        assertThat(page).contains("serialized-2.0").doesNotContain("serialized-1.0");
    }

    @Test
    void concurrentRequestsForAStalePageMakeOneUpstreamRequest() throws Exception {
        String mirror = mirror("");
        upstream.delay(Duration.ofMillis(500));
        upstream.resetCounts();

        List<HttpResponse<String>> responses = Race.repeat(20, () -> http.get("/" + mirror + "/+simple/upstreamer/"));

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        assertThat(upstream.requests("/simple/upstreamer/")).isEqualTo(1);
    }

    @Test
    void fiftyConcurrentDownloadsOfAnUncachedFileMakeOneUpstreamRequestAndGetIdenticalBodies() throws Exception {
        Path crowded = uniqueWheel("crowded");
        upstream.project("crowded", crowded);
        String mirror = mirror("");
        String url = fileUrl(mirror, http.get("/" + mirror + "/+simple/crowded/", "Accept", JSON).body(),
                crowded.getFileName().toString());
        upstream.delay(Duration.ofMillis(300));
        upstream.resetCounts();

        List<HttpResponse<byte[]>> responses = Race.repeat(50, () -> http.sendForBytes(http.request(url).GET()));

        byte[] expected = Files.readAllBytes(crowded);
        assertThat(responses).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo(expected);
        });
        assertThat(upstream.requests("/files/" + crowded.getFileName())).as(upstream.counts().toString()).isEqualTo(1);
    }

    @Test
    void laterDownloadsComeFromTheBlobStoreEvenWithUpstreamGone() throws Exception {
        Path own = uniqueWheel("gone-later");
        try (FakeUpstream doomed = new FakeUpstream()) {
            doomed.project("gone-later", own);
            String mirror = mirror(doomed, "");
            String url = fileUrl(mirror, http.get("/" + mirror + "/+simple/gone-later/", "Accept", JSON).body(),
                    own.getFileName().toString());
            assertThat(http.sendForBytes(http.request(url).GET()).statusCode()).isEqualTo(200);

            doomed.stop();
            HttpResponse<byte[]> offline = http.sendForBytes(http.request(url).GET());

            assertThat(offline.statusCode()).isEqualTo(200);
            assertThat(offline.body()).isEqualTo(Files.readAllBytes(own));
        }
    }

    @Test
    void row106_aCorruptedUpstreamFileIsNeverStoredAndTheTransferFailsThenSucceedsWhenFixed() throws Exception {
        Path fragile = uniqueWheel("fragile");
        byte[] bytes = Files.readAllBytes(fragile);
        upstream.project("fragile", fragile);
        String mirror = mirror("");
        String url = fileUrl(mirror, http.get("/" + mirror + "/+simple/fragile/", "Accept", JSON).body(),
                fragile.getFileName().toString());
        upstream.fileFault(FakeUpstream.FileFault.CORRUPTED);

        Throwable failed = downloadFailure(url, bytes);

        String sha256 = FakeUpstream.hex(FakeUpstream.sha256(bytes));
        assertThat(failed).as("the client must not get a complete, wrong file").isNotNull();
        assertThat(server.dataFolder().resolve("blobs/sha256/" + sha256.substring(0, 2) + "/" + sha256.substring(2, 4)
                + "/" + sha256)).doesNotExist();
        upstream.healthy();
        HttpResponse<byte[]> fixed = http.sendForBytes(http.request(url).GET());
        assertThat(fixed.statusCode()).isEqualTo(200);
        assertThat(fixed.body()).isEqualTo(bytes);
    }

    @Test
    void aTruncatedUpstreamTransferStoresNothingAndFailsTheClient() throws Exception {
        Path cut = uniqueWheel("cut-short");
        upstream.project("cut-short", cut);
        String mirror = mirror("");
        String url = fileUrl(mirror, http.get("/" + mirror + "/+simple/cut-short/", "Accept", JSON).body(),
                cut.getFileName().toString());
        upstream.fileFault(FakeUpstream.FileFault.TRUNCATED);

        assertThat(downloadFailure(url, Files.readAllBytes(cut))).isNotNull();

        try (var leftovers = Files.list(server.dataFolder().resolve("blobs/tmp"))) {
            assertThat(leftovers).isEmpty();
        }
    }

    /** Downloads {@code url}; answers the failure, or null if a whole 200 body arrived. */
    private static Throwable downloadFailure(String url, byte[] expected) {
        try {
            HttpResponse<byte[]> response = http.sendForBytes(http.request(url).GET());
            return response.statusCode() == 200 && java.util.Arrays.equals(response.body(), expected)
                    ? null : new AssertionError("status " + response.statusCode() + ", " + response.body().length + " bytes");
        } catch (RuntimeException e) {
            return e;
        }
    }

    @Test
    void filesWithoutUpstreamHashesGetAStableUrlAndAreHashedOnArrival() throws Exception {
        Path bare = Distribution.of("unhashed", "1.0").wheel(Files.createDirectories(dist.resolve("unhashed")));
        upstream.project("unhashed", 1, false, Map.of(), bare);
        String mirror = mirror("");
        String page = http.get("/" + mirror + "/+simple/unhashed/", "Accept", JSON).body();
        String url = fileUrl(mirror, page, "unhashed-1.0-py3-none-any.whl");

        HttpResponse<byte[]> first = http.sendForBytes(http.request(url).GET());
        upstream.resetCounts();
        HttpResponse<byte[]> second = http.sendForBytes(http.request(url).GET());

        assertThat(page).contains("\"hashes\":{}");
        assertThat(first.body()).isEqualTo(Files.readAllBytes(bare));
        assertThat(second.body()).isEqualTo(Files.readAllBytes(bare));
        assertThat(upstream.requests("/files/unhashed-1.0-py3-none-any.whl")).isZero();
        assertThat(http.get("/" + mirror + "/+simple/unhashed/", "Accept", JSON).body()).isEqualTo(page);
    }

    @Test
    void metadataFilesArePassedThroughAndCached() throws Exception {
        String mirror = mirror("");
        String url = fileUrl(mirror, http.get("/" + mirror + "/+simple/upstreamer/", "Accept", JSON).body(),
                "upstreamer-1.0-py3-none-any.whl");

        HttpResponse<String> metadata = http.get(url + ".metadata");
        upstream.resetCounts();
        HttpResponse<String> again = http.get(url + ".metadata");

        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.body()).contains("Name: upstreamer").contains("Requires-Dist: other");
        assertThat(again.body()).isEqualTo(metadata.body());
        assertThat(upstream.totalRequests()).isZero();
    }

    @Test
    void headAndRangeRequestsOnAMirrorFile() throws Exception {
        Path ranged = uniqueWheel("ranged");
        byte[] wheelBytes = Files.readAllBytes(ranged);
        upstream.project("ranged", ranged);
        String mirror = mirror("");
        String url = fileUrl(mirror, http.get("/" + mirror + "/+simple/ranged/", "Accept", JSON).body(),
                ranged.getFileName().toString());
        upstream.resetCounts();

        HttpResponse<byte[]> head = http.sendForBytes(http.request(url).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        HttpResponse<byte[]> tail = http.sendForBytes(http.request(url).GET().header("Range", "bytes=-100"));

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).hasValue(String.valueOf(wheelBytes.length));
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(java.util.Arrays.copyOfRange(wheelBytes, wheelBytes.length - 100,
                wheelBytes.length));
        assertThat(upstream.requests("/files/" + ranged.getFileName())).isEqualTo(1);
    }

    @Test
    void aFileNoPageListsIs404() {
        String mirror = mirror("");

        assertThat(http.get("/" + mirror + "/+f/" + "0".repeat(64) + "/upstreamer-9.9-py3-none-any.whl").statusCode())
                .isEqualTo(404);
    }

    @Test
    void anAdminRefreshAsksUpstreamAtOnce() {
        String mirror = mirror("");
        http.get("/" + mirror + "/+simple/upstreamer/");
        upstream.resetCounts();

        HttpResponse<String> refreshed = http.json("POST", "/+api/indexes/" + mirror + "/refresh/Upstreamer",
                Larder.ROOT, null);

        assertThat(refreshed.statusCode()).isEqualTo(200);
        assertThat(refreshed.body()).contains("\"project\":\"upstreamer\"").contains("\"found\":true")
                .contains("\"files\":3");
        assertThat(upstream.requests("/simple/upstreamer/")).isEqualTo(1);
        assertThat(http.json("POST", "/+api/indexes/" + mirror + "/refresh/x", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void theRootListingIsFetchedInTheBackgroundAndServedInBothForms() throws Exception {
        String mirror = mirror("");
        HttpResponse<String> first = http.get("/" + mirror + "/+simple/");
        assertThat(first.statusCode()).isIn(200, 503);

        HttpResponse<String> html = awaitStatus("/" + mirror + "/+simple/", 200);
        HttpResponse<String> json = http.get("/" + mirror + "/+simple/", "Accept", JSON);

        assertThat(html.body()).contains("<a href=\"upstreamer/\">upstreamer</a>");
        assertThat(json.headers().firstValue("Content-Type")).hasValue(JSON);
        assertThat(json.body()).startsWith("{\"meta\":{\"api-version\":\"1.1\"},\"projects\":[")
                .contains("{\"name\":\"upstreamer\"}");
        String etag = html.headers().firstValue("ETag").orElseThrow();
        assertThat(http.get("/" + mirror + "/+simple/", "If-None-Match", etag).statusCode()).isEqualTo(304);
    }

    @Test
    void anHtmlRootListingKeepsEveryName() throws Exception {
        try (FakeUpstream htmlOnly = new FakeUpstream().htmlOnly()) {
            for (int i = 0; i < 3000; i++) {
                htmlOnly.project("listed-" + i);
            }
            String mirror = mirror(htmlOnly, "");
            http.get("/" + mirror + "/+simple/");

            String html = awaitStatus("/" + mirror + "/+simple/", 200).body();

            for (int i = 0; i < 3000; i++) {
                assertThat(html).contains("<a href=\"listed-" + i + "/\">listed-" + i + "</a>");
            }
        }
    }

    @Test
    void credentialsInTheMirrorUrlGoToUpstreamAndAppearNowhere() throws Exception {
        try (FakeUpstream guarded = new FakeUpstream()) {
            guarded.project("upstreamer", wheel);
            guarded.requireAuthorization("mirror-user", "s3cret-t0ken");
            String withCredentials = guarded.url().replace("://", "://mirror-user:s3cret-t0ken@");
            String name = "root/m" + MIRRORS.incrementAndGet();
            assertThat(http.json("PUT", "/+api/indexes/" + name, Larder.ROOT, "{\"type\": \"mirror\", \"mirror_url\": \""
                    + withCredentials + "\"}").statusCode()).isEqualTo(201);

            HttpResponse<String> page = http.get("/" + name + "/+simple/upstreamer/", "Accept", JSON);
            HttpResponse<byte[]> file = http.sendForBytes(http.request(fileUrl(name, page.body(),
                    "upstreamer-1.0-py3-none-any.whl")).GET());

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).doesNotContain("s3cret").doesNotContain("mirror-user");
            assertThat(file.body()).isEqualTo(wheelBytes);
            assertThat(guarded.authorizationsSeen()).isNotEmpty().allMatch(a -> a.startsWith("Basic "));
        }
    }

    private static HttpResponse<String> awaitStatus(String path, int status) throws InterruptedException {
        HttpResponse<String> response = http.get(path);
        for (int i = 0; i < 100 && response.statusCode() != status; i++) {
            Thread.sleep(100);
            response = http.get(path);
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response;
    }
}
