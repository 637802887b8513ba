package dev.larder.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for PyPI on 127.0.0.1: serves simple pages (PEP 691 JSON, or PEP 503 HTML only) of projects whose
 * files a test built, the files themselves and their PEP 658 metadata, with ETags and serials. It counts requests
 * and can be told to misbehave: answer 500, hang, cut files short, send wrong bytes, or go away.
 */
public final class FakeUpstream implements AutoCloseable {

    /** How a file is served. */
    public enum FileFault { NONE, TRUNCATED, CORRUPTED }

    private record Project(List<Path> files, Map<String, String> yanked, long serial, boolean hashes) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Project> projects = new ConcurrentHashMap<>();
    private final Map<String, Path> filesByName = new ConcurrentHashMap<>();
    private final Map<String, byte[]> metadataByName = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final List<String> authorizations = new ArrayList<>();
    private volatile boolean jsonPages = true;
    private volatile int failWith;
    private volatile Duration delay = Duration.ZERO;
    private volatile FileFault fileFault = FileFault.NONE;
    private volatile String requiredAuthorization;
    private final Map<String, String> uploadTimes = new ConcurrentHashMap<>();

    public FakeUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The simple index URL, as a mirror's {@code mirror_url}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/simple/";
    }

    public FakeUpstream htmlOnly() {
        jsonPages = false;
        return this;
    }

    public FakeUpstream jsonPages() {
        jsonPages = true;
        return this;
    }

    /** Publishes a project with these distribution files (wheels get a .metadata file). */
    public FakeUpstream project(String name, Path... files) throws IOException {
        return project(name, 1, true, Map.of(), files);
    }

    public FakeUpstream project(String name, long serial, boolean hashes, Map<String, String> yanked, Path... files)
            throws IOException {
        projects.put(name, new Project(List.of(files), Map.copyOf(yanked), serial, hashes));
        for (Path file : files) {
            String filename = file.getFileName().toString();
            filesByName.put(filename, file);
            if (filename.endsWith(".whl")) {
                metadataByName.put(filename, wheelMetadata(file));
            }
        }
        return this;
    }

    /** The upload-time the JSON page gives a file (default 2024-01-02T03:04:05.123456Z). */
    public FakeUpstream uploadTime(String filename, java.time.Instant at) {
        uploadTimes.put(filename, at.toString());
        return this;
    }

    public void failWith(int status) {
        this.failWith = status;
    }

    public void healthy() {
        this.failWith = 0;
        this.delay = Duration.ZERO;
        this.fileFault = FileFault.NONE;
    }

    public void delay(Duration delay) {
        this.delay = delay;
    }

    public void fileFault(FileFault fault) {
        this.fileFault = fault;
    }

    /** Makes every request need this exact Authorization header. */
    public void requireAuthorization(String user, String password) {
        requiredAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public synchronized List<String> authorizationsSeen() {
        return List.copyOf(authorizations);
    }

    /** How many requests a path got, e.g. {@code /simple/foo/} or {@code /files/foo-1.0-py3-none-any.whl}. */
    public int requests(String path) {
        AtomicInteger count = requests.get(path);
        return count == null ? 0 : count.get();
    }

    public int totalRequests() {
        return requests.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    public void resetCounts() {
        requests.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        synchronized (this) {
            authorizations.add(String.valueOf(authorization));
        }
        try (exchange) {
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis());
            }
            if (requiredAuthorization != null && !requiredAuthorization.equals(authorization)) {
                send(exchange, 401, "text/plain", "unauthorized".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (failWith != 0) {
                send(exchange, failWith, "text/plain", "upstream trouble".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (path.equals("/simple/")) {
                root(exchange);
            } else if (path.startsWith("/simple/")) {
                page(exchange, path.substring("/simple/".length()).replace("/", ""));
            } else if (path.startsWith("/files/")) {
                file(exchange, java.net.URLDecoder.decode(path.substring("/files/".length()),
                        StandardCharsets.UTF_8.name()).replace(" ", "+"));
            } else {
                send(exchange, 404, "text/plain", new byte[0]);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away; nothing to answer
        }
    }

    private void root(HttpExchange exchange) throws IOException {
        if (jsonPages && wantsJson(exchange)) {
            StringBuilder json = new StringBuilder("{\"meta\":{\"api-version\":\"1.1\"},\"projects\":[");
            String sep = "";
            for (String name : projects.keySet()) {
                json.append(sep).append("{\"name\":\"").append(name).append("\"}");
                sep = ",";
            }
            send(exchange, 200, "application/vnd.pypi.simple.v1+json", json.append("]}").toString()
                    .getBytes(StandardCharsets.UTF_8));
        } else {
            StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body>\n");
            for (String name : projects.keySet()) {
                html.append("<a href=\"/simple/").append(name).append("/\">").append(name).append("</a>\n");
            }
            send(exchange, 200, "text/html; charset=utf-8", html.append("</body></html>").toString()
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    private void page(HttpExchange exchange, String name) throws IOException {
        Project project = projects.get(name);
        if (project == null) {
            send(exchange, 404, "text/plain", "no such project".getBytes(StandardCharsets.UTF_8));
            return;
        }
        boolean json = jsonPages && wantsJson(exchange);
        byte[] body = json ? jsonPage(name, project) : htmlPage(project);
        String etag = "\"" + hex(sha256(body)).substring(0, 16) + "\"";
        exchange.getResponseHeaders().add("ETag", etag);
        exchange.getResponseHeaders().add("X-PyPI-Last-Serial", String.valueOf(project.serial()));
        if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        send(exchange, 200, json ? "application/vnd.pypi.simple.v1+json" : "text/html", body);
    }

    private byte[] jsonPage(String name, Project project) throws IOException {
        StringBuilder json = new StringBuilder("{\"meta\":{\"api-version\":\"1.1\"},\"name\":\"" + name
                + "\",\"versions\":[],\"files\":[");
        String sep = "";
        for (Path file : project.files()) {
            String filename = file.getFileName().toString();
            byte[] bytes = Files.readAllBytes(file);
            json.append(sep).append("{\"filename\":\"").append(filename).append("\",")
                    .append("\"url\":\"http://127.0.0.1:").append(server.getAddress().getPort()).append("/files/")
                    .append(filename.replace("+", "%2B")).append("\",")
                    .append("\"hashes\":{").append(project.hashes() ? "\"sha256\":\"" + hex(sha256(bytes)) + "\"" : "")
                    .append("},\"requires-python\":\">=3.7\",\"size\":").append(bytes.length)
                    .append(",\"upload-time\":\"").append(uploadTimes.getOrDefault(filename,
                            "2024-01-02T03:04:05.123456Z")).append('"');
            String reason = project.yanked().get(filename);
            json.append(",\"yanked\":").append(reason == null ? "false" : reason.isEmpty() ? "true" : "\"" + reason + "\"");
            if (metadataByName.containsKey(filename)) {
                json.append(",\"core-metadata\":{\"sha256\":\"").append(hex(sha256(metadataByName.get(filename))))
                        .append("\"}");
            }
            json.append('}');
            sep = ",";
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] htmlPage(Project project) throws IOException {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><base href=\"/files/\"></head><body>\n");
        for (Path file : project.files()) {
            String filename = file.getFileName().toString();
            html.append("<a href=\"").append(filename.replace("+", "%2B"));
            if (project.hashes()) {
                html.append("#sha256=").append(hex(sha256(Files.readAllBytes(file))));
            }
            html.append("\" data-requires-python=\"&gt;=3.7\"");
            String reason = project.yanked().get(filename);
            if (reason != null) {
                html.append(" data-yanked=\"").append(reason).append('"');
            }
            if (metadataByName.containsKey(filename)) {
                html.append(" data-dist-info-metadata=\"sha256=").append(hex(sha256(metadataByName.get(filename))))
                        .append('"');
            }
            html.append('>').append(filename).append("</a><br/>\n");
        }
        return html.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private void file(HttpExchange exchange, String filename) throws IOException {
        if (filename.endsWith(".metadata")) {
            byte[] metadata = metadataByName.get(filename.substring(0, filename.length() - ".metadata".length()));
            if (metadata == null) {
                send(exchange, 404, "text/plain", new byte[0]);
            } else {
                send(exchange, 200, "application/octet-stream", metadata);
            }
            return;
        }
        Path file = filesByName.get(filename);
        if (file == null) {
            send(exchange, 404, "text/plain", new byte[0]);
            return;
        }
        byte[] bytes = Files.readAllBytes(file);
        switch (fileFault) {
            case CORRUPTED -> {
                byte[] corrupted = bytes.clone();
                corrupted[corrupted.length / 2] ^= 0x5a;
                send(exchange, 200, "application/octet-stream", corrupted);
            }
            case TRUNCATED -> {
                // Promise the whole file, send half, hang up.
                exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
                exchange.sendResponseHeaders(200, bytes.length);
                OutputStream out = exchange.getResponseBody();
                out.write(bytes, 0, bytes.length / 2);
                out.flush();
                throw new IOException("cut short on purpose");
            }
            default -> send(exchange, 200, "application/octet-stream", bytes);
        }
    }

    private static boolean wantsJson(HttpExchange exchange) {
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        return accept != null && accept.contains("application/vnd.pypi.simple.v1+json");
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] wheelMetadata(Path wheel) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(wheel.toFile())) {
            var entry = zip.stream().filter(e -> e.getName().endsWith(".dist-info/METADATA")).findFirst().orElseThrow();
            return zip.getInputStream(entry).readAllBytes();
        }
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** Goes away: the port refuses connections from now on. */
    public void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public void close() {
        stop();
    }

    /** The request counts, for messages of failed assertions. */
    public Map<String, Integer> counts() {
        Map<String, Integer> out = new LinkedHashMap<>();
        requests.forEach((path, count) -> out.put(path, count.get()));
        return out;
    }
}
