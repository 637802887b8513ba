package dev.larder.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HealthControllerTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private TestServer server;

    @BeforeEach
    void startServer() {
        server = TestServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.uri() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answers200WithJsonOnceTheDatabaseAndBlobStoreAreReady() throws Exception {
        HttpResponse<String> response = get("/+health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body())
                .isEqualTo("{\"status\":\"UP\",\"checks\":{\"database\":\"UP\",\"blob_store\":\"UP\"}}");
    }

    @Test
    void answersThePercentEncodedPathAsPipSendsIt() throws Exception {
        assertThat(get("/%2Bhealth").statusCode()).isEqualTo(200);
    }

    @Test
    void answers503NamingTheBlobStoreWhenItCannotWrite() throws Exception {
        Files.delete(server.dataFolder().resolve("blobs").resolve("tmp"));

        HttpResponse<String> response = get("/+health");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("\"status\":\"DOWN\"").contains("\"database\":\"UP\"")
                .contains("\"blob_store\":\"DOWN: Blob folder");
    }
}
