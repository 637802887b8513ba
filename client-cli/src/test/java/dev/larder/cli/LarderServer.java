package dev.larder.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real Larder server for the CLI's tests: the jar the server module built, run as its own process on a free
 * loopback port, with a data folder of its own. The reactor builds the server before the CLI, so the jar exists.
 */
final class LarderServer implements AutoCloseable {

    static final String ROOT_PASSWORD = "cli-test-root-password";

    private final Process process;
    private final int port;
    private final Path log;

    LarderServer(Path work) throws IOException, InterruptedException {
        Path jar = Path.of("..", "server", "target", "larder-server.jar").toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run 'mvn verify' from the repository root, which"
                    + " builds the server before the CLI.");
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        log = work.resolve("server.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("LARDER_DATA_DIR", work.resolve("data").toString());
        builder.environment().put("LARDER_PORT", String.valueOf(port));
        builder.environment().put("LARDER_BIND_ADDRESS", "127.0.0.1");
        builder.environment().put("LARDER_ROOT_PASSWORD", ROOT_PASSWORD);
        builder.environment().put("LARDER_UPSTREAM_URL", "http://127.0.0.1:9/simple/");
        process = builder.start();
        awaitHealth();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitHealth() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 300; i++) {
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url() + "/+health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("The server exited:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The server did not answer /+health within 30 s:\n" + Files.readString(log));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
