package dev.larder.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The server's admin JSON API, the upload form and the simple API, and nothing else: the CLI never touches the
 * database. Refusals become a {@link CliException} with the server's own message.
 */
final class ApiClient {

    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient http;
    private final ObjectMapper json;
    private final String base;
    private final String authorization;

    ApiClient(String base, String authorization, ObjectMapper json) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.authorization = authorization;
        this.json = json;
        this.http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofMinutes(10)).writeTimeout(Duration.ofMinutes(10)).build();
    }

    String base() {
        return base;
    }

    JsonNode get(String path) {
        return call("GET", path, null);
    }

    JsonNode put(String path, Object body) {
        return call("PUT", path, body);
    }

    JsonNode post(String path, Object body) {
        return call("POST", path, body);
    }

    JsonNode patch(String path, Object body) {
        return call("PATCH", path, body);
    }

    JsonNode delete(String path) {
        return call("DELETE", path, null);
    }

    private JsonNode call(String method, String path, Object body) {
        try {
            RequestBody content = body == null ? (method.equals("GET") || method.equals("DELETE") ? null
                    : RequestBody.create(new byte[0], JSON)) : RequestBody.create(json.writeValueAsBytes(body), JSON);
            Response response = execute(request(path).method(method, content).header("Accept", "application/json"));
            try (response) {
                ResponseBody responseBody = response.body();
                String text = responseBody.string();
                if (!response.isSuccessful()) {
                    throw refused(response.code(), text, response.message());
                }
                return text.isBlank() ? json.nullNode() : json.readTree(text);
            }
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    Request.Builder request(String path) {
        Request.Builder request = new Request.Builder().url(base + path);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    Response execute(Request.Builder request) throws IOException {
        return http.newCall(request.build()).execute();
    }

    CliException refused(int status, String body, String reason) {
        String message = reason;
        try {
            JsonNode error = json.readTree(body);
            if (error != null && error.hasNonNull("message")) {
                message = error.get("message").asText();
            } else if (body != null && !body.isBlank()) {
                message = body.strip();
            }
        } catch (IOException e) {
            if (body != null && !body.isBlank()) {
                message = body.strip();
            }
        }
        return new CliException(CliException.REFUSED, "Error " + status + ": " + message);
    }

    CliException unreachable(IOException e) {
        return new CliException(CliException.CONNECTION, "Cannot reach the Larder server at " + base + ": "
                + e.getMessage(), e);
    }

    static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
