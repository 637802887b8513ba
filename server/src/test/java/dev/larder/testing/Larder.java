package dev.larder.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Admin API calls that set up a test's users, indexes and tokens, each checked to succeed. */
public final class Larder {

    public static final String ROOT = Http.basic("root", TestServer.ROOT_PASSWORD);
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

    private final Http http;

    public Larder(Http http) {
        this.http = http;
    }

    /** Creates a user with password {@code <name>-password}; answers its Basic credentials. */
    public String user(String name) {
        HttpResponse<String> response = http.json("PUT", "/+api/users/" + name, ROOT,
                "{\"password\":\"" + name + "-password\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Http.basic(name, name + "-password");
    }

    public void index(String auth, String name, String optionsJson) {
        HttpResponse<String> response = http.json("PUT", "/+api/indexes/" + name, auth, optionsJson);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    /** Creates a token of the user behind {@code auth}; answers the secret. */
    public String token(String auth, String requestJson) {
        HttpResponse<String> response = http.json("POST", "/+api/tokens", auth, requestJson);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        Matcher m = TOKEN.matcher(response.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** Builds the wheel of {@code distribution} in a folder of its own under {@code work} and uploads it. */
    public void uploadWheel(String index, String auth, Path work, Distribution distribution) throws Exception {
        Path folder = Files.createDirectories(work.resolve(index.replace('/', '_') + "-"
                + distribution.wheelFilename()));
        Path wheel = distribution.wheel(folder);
        HttpResponse<String> response = upload(index, auth,
                Multipart.twineLike(wheel, distribution.name(), distribution.version()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** Posts an upload form to {@code /{index}/}. */
    public HttpResponse<String> upload(String index, String auth, Multipart form, String... headers) {
        HttpRequest.Builder request = http.request("/" + index + "/")
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.body()))
                .header("Content-Type", form.contentType());
        if (auth != null) {
            request.header("Authorization", auth);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request);
    }
}
