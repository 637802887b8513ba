package dev.larder.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A whole Larder server for a test: real H2 file database and blob store in its own data folder under
 * {@code target/test-data}, listening on a free loopback port.
 */
public final class TestServer implements AutoCloseable {

    public static final String ROOT_PASSWORD = "root-test-password";

    private final Path dataFolder;
    private final EmbeddedServer server;

    private TestServer(Path dataFolder, Map<String, Object> extra) {
        this.dataFolder = dataFolder;
        Map<String, Object> properties = new HashMap<>();
        properties.put("larder.data-dir", dataFolder.toString());
        properties.put("larder.root-password", ROOT_PASSWORD);
        properties.put("larder.bind-address", "127.0.0.1");
        // Tests never reach the real PyPI: port 9 (discard) on loopback refuses connections.
        properties.put("larder.upstream-url", "http://127.0.0.1:9/simple/");
        properties.put("micronaut.server.port", -1);
        properties.putAll(extra);
        this.server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    /** A server on a new, empty data folder. */
    public static TestServer start() {
        return start(newDataFolder());
    }

    /** A server on a given data folder with the test defaults. */
    public static TestServer start(Path dataFolder) {
        return on(dataFolder, Map.of());
    }

    /** A server on a given data folder, e.g. one an earlier server used. */
    public static TestServer on(Path dataFolder, Map<String, Object> properties) {
        return new TestServer(dataFolder, properties);
    }

    public static Path newDataFolder() {
        Path base = Path.of(System.getProperty("larder.test.work-dir", "target/test-data"));
        try {
            return Files.createDirectories(base.resolve(UUID.randomUUID().toString()));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create a test data folder under " + base, e);
        }
    }

    public Path dataFolder() {
        return dataFolder;
    }

    public URI uri() {
        return server.getURI();
    }

    public <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}
