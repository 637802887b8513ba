package dev.larder.warm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.testing.Distribution;
import dev.larder.testing.Http;
import dev.larder.testing.Larder;
import dev.larder.testing.Multipart;
import dev.larder.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm path answers from memory what the controllers would answer. A request with credentials always goes to the
 * controllers, so comparing it with an anonymous request for the same thing, once warm, compares the two paths.
 */
class WarmPathTest {

    private static final String JSON = "application/vnd.pypi.simple.v1+json";
    private static final List<String> SAME_HEADERS =
            List.of("content-type", "etag", "cache-control", "vary", "content-length", "last-modified");

    private static TestServer server;
    private static Http http;
    private static Larder larder;
    private static String team;
    private static String reader;
    private static Path dist;
    private static String wheelUrl;
    private static byte[] wheelBytes;

    @BeforeAll
    static void startServer(@TempDir Path folder) throws Exception {
        dist = folder;
        server = TestServer.start();
        http = new Http(server.uri());
        larder = new Larder(http);
        team = larder.user("team");
        reader = larder.user("reader");
        larder.index(team, "team/dev", "{}");
        larder.index(team, "team/private", "{\"acl_read\": [\"reader\"]}");
        Path wheel = Distribution.of("warmish", "1.0").requires("numpy>=1").wheel(dist);
        wheelBytes = Files.readAllBytes(wheel);
        for (String index : List.of("team/dev", "team/private")) {
            assertThat(larder.upload(index, team, Multipart.twineLike(wheel, "warmish", "1.0")).statusCode())
                    .isEqualTo(200);
        }
        Matcher url = Pattern.compile("\"url\":\"\\.\\./\\.\\./([^\"]+)\"")
                .matcher(http.get("/team/dev/+simple/warmish/", "Accept", JSON).body());
        assertThat(url.find()).isTrue();
        wheelUrl = "/team/dev/" + url.group(1);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static HttpResponse<byte[]> send(String method, String path, String... headers) {
        HttpRequest.Builder request = http.request(path).method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.sendForBytes(request);
    }

    private static String[] with(String[] headers, String... more) {
        String[] all = new String[headers.length + more.length];
        System.arraycopy(headers, 0, all, 0, headers.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }

    /** Anonymous (warm, after a first request) and authenticated (controllers) answers agree byte for byte. */
    private static void assertBothPathsAgree(String method, String path, String... headers) {
        send("GET", path, headers); // fills the caches the warm path reads
        HttpResponse<byte[]> warm = send(method, path, headers);
        HttpResponse<byte[]> controller = send(method, path, with(headers, "Authorization", team));

        assertThat(warm.statusCode()).as(method + " " + path).isEqualTo(controller.statusCode());
        assertThat(warm.body()).as(method + " " + path).isEqualTo(controller.body());
        for (String header : SAME_HEADERS) {
            assertThat(warm.headers().firstValue(header)).as(method + " " + path + " " + header)
                    .isEqualTo(controller.headers().firstValue(header).map(value ->
                            // the controllers mark answers to an authenticated caller private
                            value.replace("private, ", "public, ")));
        }
    }

    @Test
    void pagesInBothFormatsFilesMetadataAndHeadAgreeWithTheControllers() {
        for (String method : List.of("GET", "HEAD")) {
            assertBothPathsAgree(method, "/team/dev/+simple/warmish/", "Accept", JSON);
            assertBothPathsAgree(method, "/team/dev/+simple/warmish/", "Accept", "text/html");
            assertBothPathsAgree(method, "/team/dev/+simple/warmish/");
            assertBothPathsAgree(method, wheelUrl);
            assertBothPathsAgree(method, wheelUrl + ".metadata");
        }
        HttpResponse<byte[]> file = send("GET", wheelUrl);
        assertThat(file.body()).isEqualTo(wheelBytes);
        assertThat(file.headers().firstValue("Cache-Control")).hasValue("public, max-age=365000000, immutable");
    }

    @Test
    void revalidationWithTheEtagGets304() {
        HttpResponse<byte[]> page = send("GET", "/team/dev/+simple/warmish/", "Accept", JSON);
        String etag = page.headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> again = send("GET", "/team/dev/+simple/warmish/", "Accept", JSON, "If-None-Match", etag);
        HttpResponse<byte[]> file = send("GET", wheelUrl, "If-None-Match",
                send("GET", wheelUrl).headers().firstValue("ETag").orElseThrow());

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        assertThat(file.statusCode()).isEqualTo(304);
        assertThat(file.body()).isEmpty();
    }

    @Test
    void aRangeRequestStillGetsItsRange() {
        send("GET", wheelUrl);
        HttpResponse<byte[]> part = send("GET", wheelUrl, "Range", "bytes=0-9");

        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).hasSize(10);
    }

    @Test
    void anIndexThatAnonymousCannotReadIsNeverAnsweredFromMemory() {
        String page = "/team/private/+simple/warmish/";
        assertThat(send("GET", page, "Authorization", reader).statusCode()).isEqualTo(200);
        assertThat(send("GET", page, "Authorization", reader).statusCode()).isEqualTo(200);

        HttpResponse<byte[]> anonymous = send("GET", page);
        String privateFile = wheelUrl.replace("/team/dev/", "/team/private/");
        assertThat(send("GET", privateFile, "Authorization", reader).statusCode()).isEqualTo(200);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(send("GET", privateFile).statusCode()).isEqualTo(401);
        assertThat(send("GET", privateFile + ".metadata").statusCode()).isEqualTo(401);
    }

    @Test
    void aNewUploadIsOnTheNextWarmAnswer() throws Exception {
        String page = "/team/dev/+simple/later/";
        Path first = Distribution.of("later", "1.0").wheel(dist);
        assertThat(larder.upload("team/dev", team, Multipart.twineLike(first, "later", "1.0")).statusCode())
                .isEqualTo(200);
        send("GET", page, "Accept", JSON);
        assertThat(new String(send("GET", page, "Accept", JSON).body(), StandardCharsets.UTF_8))
                .doesNotContain("later-2.0");

        Path second = Distribution.of("later", "2.0").wheel(dist);
        assertThat(larder.upload("team/dev", team, Multipart.twineLike(second, "later", "2.0")).statusCode())
                .isEqualTo(200);

        assertThat(new String(send("GET", page, "Accept", JSON).body(), StandardCharsets.UTF_8))
                .contains("later-2.0-py3-none-any.whl");
    }

    @Test
    void pipelinedAnswersLeaveInTheOrderOfTheRequests() throws Exception {
        String warmPage = "/team/dev/+simple/warmish/";
        send("GET", warmPage, "Accept", JSON);
        // The first goes to the controllers (a project that does not exist), the second could be answered at once
        // from memory; it must still come second.
        String requests = "GET /team/dev/+simple/no-such-project/ HTTP/1.1\r\nHost: localhost\r\n\r\n"
                + "GET " + warmPage + " HTTP/1.1\r\nHost: localhost\r\nAccept: " + JSON + "\r\n"
                + "Connection: close\r\n\r\n";
        ByteArrayOutputStream answers = new ByteArrayOutputStream();
        try (Socket socket = new Socket(server.uri().getHost(), server.uri().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(requests.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            in.transferTo(answers);
        }
        String text = answers.toString(StandardCharsets.UTF_8);

        Matcher status = Pattern.compile("HTTP/1\\.1 (\\d{3})").matcher(text);
        assertThat(status.find()).as(text).isTrue();
        assertThat(status.group(1)).as(text).isEqualTo("404");
        assertThat(status.find()).as(text).isTrue();
        assertThat(status.group(1)).as(text).isEqualTo("200");
        int ok = status.start();
        assertThat(text.substring(ok)).contains("warmish-1.0-py3-none-any.whl");
    }
}
