package dev.larder.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.larder.testing.Distribution;
import dev.larder.testing.Http;
import dev.larder.testing.Larder;
import dev.larder.testing.Multipart;
import dev.larder.testing.Python;
import dev.larder.testing.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Serving distribution files and their PEP 658 metadata: protocol.md §2.9-2.10 and §10 rows 49-61. */
class FileServingTest {

    private static final String JSON = "application/vnd.pypi.simple.v1+json";

    private static TestServer server;
    private static Http http;
    private static Larder larder;
    private static String team;
    private static Path wheel;
    private static byte[] wheelBytes;
    private static String wheelUrl;
    private static Path sdist;
    private static String sdistUrl;

    @BeforeAll
    static void startServer(@TempDir Path dist) throws Exception {
        server = TestServer.start();
        http = new Http(server.uri());
        larder = new Larder(http);
        team = larder.user("team");
        larder.index(team, "team/dev", "{}");
        Distribution local = Distribution.of("torchish", "1!2.1.0+cu121").requires("numpy>=1");
        wheel = local.wheel(dist);
        wheelBytes = Files.readAllBytes(wheel);
        sdist = Distribution.of("plain", "1.0").sdist(dist);
        for (Path file : List.of(wheel, sdist)) {
            String name = file == wheel ? "torchish" : "plain";
            String version = file == wheel ? "1!2.1.0+cu121" : "1.0";
            assertThat(larder.upload("team/dev", team, Multipart.twineLike(file, name, version)).statusCode())
                    .isEqualTo(200);
        }
        wheelUrl = urlOf("torchish");
        sdistUrl = urlOf("plain");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /** The absolute path of the project's first file, from its JSON page. */
    private static String urlOf(String project) {
        Matcher url = Pattern.compile("\"url\":\"\\.\\./\\.\\./([^\"]+)\"")
                .matcher(http.get("/team/dev/+simple/" + project + "/", "Accept", JSON).body());
        assertThat(url.find()).isTrue();
        return "/team/dev/" + url.group(1);
    }

    private static HttpResponse<byte[]> get(String path, String... headers) {
        HttpRequest.Builder request = http.request(path).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.sendForBytes(request);
    }

    @Test
    void row49_theLastPathSegmentIsTheFilenameAndThereIsNoQuery() {
        assertThat(wheelUrl).endsWith("/torchish-1%212.1.0%2Bcu121-py3-none-any.whl").doesNotContain("?");
    }

    @Test
    void row50_getReturnsTheExactBytesWithTheAdvertisedSha256() throws Exception {
        HttpResponse<byte[]> response = get(wheelUrl);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(wheelBytes);
        assertThat(wheelUrl).contains("/+f/" + Multipart.sha256(response.body()) + "/");
        assertThat(response.headers().firstValue("Content-Length")).hasValue(String.valueOf(wheelBytes.length));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
    }

    @Test
    void row51_noContentEncodingEvenWhenGzipIsAccepted() throws Exception {
        HttpResponse<byte[]> response = get(sdistUrl, "Accept-Encoding", "gzip, deflate");

        assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(response.body()).isEqualTo(Files.readAllBytes(sdist));
    }

    @Test
    void row52_headAnswers200WithContentLengthAndAcceptRanges() {
        HttpResponse<byte[]> head = http.sendForBytes(http.request(wheelUrl)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).hasValue(String.valueOf(wheelBytes.length));
        assertThat(head.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void row53_aRangeGets206WithContentRangeAndExactlyThoseBytes() {
        HttpResponse<byte[]> response = get(wheelUrl, "Range", "bytes=0-99");

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.headers().firstValue("Content-Range")).hasValue("bytes 0-99/" + wheelBytes.length);
        assertThat(response.headers().firstValue("Content-Length")).hasValue("100");
        assertThat(response.body()).isEqualTo(Arrays.copyOfRange(wheelBytes, 0, 100));
    }

    @Test
    void row54_aSuffixRangeGetsTheLastBytesAndAnOversizedOneTheWholeFile() {
        HttpResponse<byte[]> tail = get(wheelUrl, "Range", "bytes=-100");
        HttpResponse<byte[]> oversized = get(wheelUrl, "Range", "bytes=-8192000");
        HttpResponse<byte[]> oneByte = get(wheelUrl, "Range", "bytes=5-5");

        int n = wheelBytes.length;
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.headers().firstValue("Content-Range")).hasValue("bytes " + (n - 100) + "-" + (n - 1) + "/" + n);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(wheelBytes, n - 100, n));
        assertThat(oversized.body()).isEqualTo(wheelBytes);
        assertThat(oversized.headers().firstValue("Content-Range")).hasValue("bytes 0-" + (n - 1) + "/" + n);
        assertThat(oneByte.statusCode()).isEqualTo(206);
        assertThat(oneByte.body()).containsExactly(wheelBytes[5]);
    }

    @Test
    void row55_anUnsatisfiableRangeGets416WithTheSize() {
        HttpResponse<byte[]> response = get(wheelUrl, "Range", "bytes=" + wheelBytes.length + "-");

        assertThat(response.statusCode()).isEqualTo(416);
        assertThat(response.headers().firstValue("Content-Range")).hasValue("bytes */" + wheelBytes.length);
    }

    @Test
    void row56_ifNoneMatchWithTheEtagGets304AndFilesAreImmutable() throws Exception {
        HttpResponse<byte[]> first = get(wheelUrl);
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> again = get(wheelUrl, "If-None-Match", etag);

        assertThat(etag).isEqualTo("\"" + Multipart.sha256(wheelBytes) + "\"");
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("public, max-age=365000000, immutable");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void row57_filenamesWithPlusAndBangDownloadThroughTheirEncodedUrlAndPlainly() {
        String plain = wheelUrl.replace("%21", "!").replace("%2B", "+");

        assertThat(get(wheelUrl).body()).isEqualTo(wheelBytes);
        assertThat(get(plain).body()).isEqualTo(wheelBytes);
        assertThat(get(wheelUrl.replace("/+f/", "/%2Bf/")).body()).isEqualTo(wheelBytes);
    }

    @Test
    void row58_theMetadataFileIsTheWheelsMetadataWithTheAdvertisedSha256() throws Exception {
        HttpResponse<byte[]> metadata = get(wheelUrl + ".metadata");
        Matcher advertised = Pattern.compile("\"core-metadata\":\\{\"sha256\":\"([0-9a-f]{64})\"}")
                .matcher(http.get("/team/dev/+simple/torchish/", "Accept", JSON).body());

        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(advertised.find()).isTrue();
        assertThat(Multipart.sha256(metadata.body())).isEqualTo(advertised.group(1));
        assertThat(new String(metadata.body(), StandardCharsets.UTF_8))
                .isEqualTo(Distribution.of("torchish", "1!2.1.0+cu121").requires("numpy>=1").metadataText());
    }

    @Test
    void row59_metadataIs404WhereNotAdvertised() {
        assertThat(get(sdistUrl + ".metadata").statusCode()).isEqualTo(404);
        assertThat(http.get("/team/dev/+simple/plain/", "Accept", JSON).body()).contains("\"core-metadata\":false");
    }

    @Test
    void row60_theMetadataNameAndVersionAreTheWheels() {
        String metadata = new String(get(wheelUrl + ".metadata").body(), StandardCharsets.UTF_8);

        assertThat(metadata).contains("\nName: torchish\n").contains("\nVersion: 1!2.1.0+cu121\n");
    }

    @Test
    void row61_pipResolvesDependenciesFromMetadataFiles(@TempDir Path work) throws Exception {
        Optional<Path> newerPython = Python.pythonWithNewerPip();
        assumeTrue(newerPython.isPresent(), "needs a pip of 23.2 or later; Debian's 23.0 ignores core-metadata in JSON");
        Path dist = Files.createDirectories(work.resolve("dist"));
        for (Distribution d : List.of(Distribution.of("lean-base", "1.0"),
                Distribution.of("lean", "1.0").requires("lean-base"))) {
            Path file = d.wheel(dist);
            assertThat(larder.upload("team/dev", team, Multipart.twineLike(file, d.distributionName(), "1.0"))
                    .statusCode()).isEqualTo(200);
        }
        Python python = new Python(work.resolve("home"));
        Path pip = python.newVenv(work.resolve("venv"), newerPython.get());

        Python.Result dryRun = python.run(work, Map.of(), pip.toString(), "install", "--dry-run", "--no-cache-dir",
                "--index-url", server.uri() + "/team/dev/+simple/", "lean").assertSucceeded();

        assertThat(dryRun.output()).contains("Would install lean-1.0 lean-base-1.0")
                // pip 23.2 says "Obtaining dependency information ... from <url>.metadata", pip 24 "Downloading <url>.metadata".
                .containsPattern("\\S+/lean_base-1\\.0-py3-none-any\\.whl\\.metadata");
    }

    @Test
    void aHashThatExistsInTheStoreButNotInThisIndexIs404() throws Exception {
        larder.index(team, "team/other", "{}");
        String sha256 = Multipart.sha256(wheelBytes);

        HttpResponse<String> response = http.get("/team/other/+f/" + sha256 + "/" + wheel.getFileName());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("No file").contains("team/other");
        assertThat(http.get("/team/dev/+f/" + sha256 + "/other-name.whl").statusCode()).isEqualTo(404);
        assertThat(http.get("/team/dev/+f/not-a-hash/x.whl").statusCode()).isEqualTo(404);
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderWhateverPathServesThem() throws Exception {
        get(wheelUrl); // the merged page is cached now, so the file may take the sendfile path
        String host = "Host: 127.0.0.1\r\n";
        String requests = "GET /team/dev/+simple/torchish/ HTTP/1.1\r\n" + host + "\r\n"
                + "GET " + wheelUrl + " HTTP/1.1\r\n" + host + "\r\n"
                + "GET /team/dev/+simple/plain/ HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n";
        byte[] answer;
        try (java.net.Socket socket = new java.net.Socket(server.uri().getHost(), server.uri().getPort())) {
            socket.getOutputStream().write(requests.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            answer = socket.getInputStream().readAllBytes();
        }

        String text = new String(answer, StandardCharsets.ISO_8859_1);
        int page = text.indexOf("Links for torchish");
        int wheel = text.indexOf(new String(wheelBytes, StandardCharsets.ISO_8859_1));
        int last = text.indexOf("Links for plain");
        assertThat(page).isPositive();
        assertThat(wheel).isGreaterThan(page);
        assertThat(last).isGreaterThan(wheel);
    }
}
