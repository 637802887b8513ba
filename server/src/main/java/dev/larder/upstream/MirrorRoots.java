package dev.larder.upstream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.larder.index.Index;
import dev.larder.index.IndexType;
import dev.larder.index.Indexes;
import dev.larder.packaging.ProjectName;
import dev.larder.platform.DataFolder;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;
import org.jsoup.parser.StreamParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upstream root listings (PyPI's lists ~700,000 names, ~30 MB): fetched in the background, never on a request,
 * streamed through parsing and rendering so no copy of the list sits in memory, and kept as ready-to-send HTML
 * and JSON files under {@code <data>/mirrors/<index id>/}.
 */
@Singleton
public class MirrorRoots {

    private static final Logger LOG = LoggerFactory.getLogger(MirrorRoots.class);
    private static final JsonFactory JSON = new JsonFactory();

    /** The listing in one form, ready to send, and its validator. */
    public record RootFile(Path path, String etag) {}

    private final UpstreamClient client;
    private final Indexes indexes;
    private final Path folder;
    private final Clock clock;
    private final Duration refreshEvery;
    private final Set<Long> refreshing = ConcurrentHashMap.newKeySet();
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mirror-root-refresh");
        thread.setDaemon(true);
        return thread;
    });

    MirrorRoots(UpstreamClient client, Indexes indexes, DataFolder data, Clock clock,
                @Value("${larder.upstream.root-refresh}") Duration refreshEvery) {
        this.client = client;
        this.indexes = indexes;
        this.folder = data.resolve("mirrors");
        this.clock = clock;
        this.refreshEvery = refreshEvery;
    }

    /** The listing of a mirror, if it was ever fetched; starts a fetch in the background otherwise. */
    public Optional<RootFile> root(Index mirror, boolean json) {
        Path dir = folder.resolve(String.valueOf(mirror.id()));
        Path file = dir.resolve(json ? "root.json" : "root.html");
        if (!Files.isRegularFile(file)) {
            refreshInBackground(mirror);
            return Optional.empty();
        }
        try {
            String etag = Files.readString(dir.resolve("root.etag")).strip() + (json ? "-json" : "-html");
            if (Files.getLastModifiedTime(file).toInstant().plus(refreshEvery).isBefore(clock.instant())) {
                refreshInBackground(mirror);
            }
            return Optional.of(new RootFile(file, etag));
        } catch (IOException e) {
            refreshInBackground(mirror);
            return Optional.empty();
        }
    }

    /**
     * The names file of a mirror's listing (one display name a line) and its validator, if it was ever fetched;
     * starts a fetch in the background otherwise.
     */
    public Optional<RootFile> names(Index mirror) {
        Path dir = folder.resolve(String.valueOf(mirror.id()));
        Path names = dir.resolve("names.txt");
        if (!Files.isRegularFile(names)) {
            refreshInBackground(mirror);
            return Optional.empty();
        }
        try {
            return Optional.of(new RootFile(names, Files.readString(dir.resolve("root.etag")).strip()));
        } catch (IOException e) {
            refreshInBackground(mirror);
            return Optional.empty();
        }
    }

    /** Every few minutes: refresh the listings that are older than {@code larder.upstream.root-refresh}. */
    @Scheduled(initialDelay = "30s", fixedDelay = "5m")
    void refreshStale() {
        for (Index index : indexes.list()) {
            if (index.type() == IndexType.MIRROR) {
                root(index, true);
            }
        }
    }

    void refreshInBackground(Index mirror) {
        if (refreshing.add(mirror.id())) {
            background.execute(() -> {
                try {
                    refresh(mirror);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Could not refresh the root listing of mirror {} from {}: {}", mirror.name(),
                            UpstreamUrl.of(mirror.config().mirrorUrl()), UpstreamClient.describe(e));
                } finally {
                    refreshing.remove(mirror.id());
                }
            });
        }
    }

    /** Fetches the listing now and replaces the stored one when complete. */
    void refresh(Index mirror) throws IOException {
        Path dir = Files.createDirectories(folder.resolve(String.valueOf(mirror.id())));
        Path names = dir.resolve("names.txt.part");
        MessageDigest digest = sha256();
        long[] count = {0};
        client.fetchRoot(UpstreamUrl.of(mirror.config().mirrorUrl()), (body, contentType, url) -> {
            try (Writer out = Files.newBufferedWriter(names, StandardCharsets.UTF_8)) {
                NameSink sink = name -> {
                    if (ProjectName.isValid(name)) {
                        out.write(name);
                        out.write('\n');
                        digest.update((name + "\n").getBytes(StandardCharsets.UTF_8));
                        count[0]++;
                    }
                };
                if (contentType != null && contentType.toLowerCase(Locale.ROOT)
                        .startsWith("application/vnd.pypi.simple.v1+json")) {
                    readJsonNames(body, sink);
                } else {
                    readHtmlNames(body, SimplePageParser.charsetOf(contentType), url, sink);
                }
            }
        });
        Path html = dir.resolve("root.html.part");
        Path json = dir.resolve("root.json.part");
        render(names, html, json);
        Files.writeString(dir.resolve("root.etag.part"), HexFormat.of().formatHex(digest.digest()).substring(0, 32));
        for (String name : new String[] {"names.txt", "root.html", "root.json", "root.etag"}) {
            Files.move(dir.resolve(name + ".part"), dir.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        }
        LOG.info("Fetched the root listing of mirror {}: {} projects", mirror.name(), count[0]);
    }

    @FunctionalInterface
    private interface NameSink {
        void accept(String name) throws IOException;
    }

    private static void readJsonNames(InputStream body, NameSink sink) throws IOException {
        try (JsonParser parser = JSON.createParser(body)) {
            int depth = 0;
            boolean inProjects = false;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                switch (token) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> {
                        depth--;
                        if (depth == 1) {
                            inProjects = false;
                        }
                    }
                    case FIELD_NAME -> {
                        if (depth == 1 && parser.currentName().equals("projects")) {
                            inProjects = true;
                        } else if (inProjects && depth == 3 && parser.currentName().equals("name")
                                && parser.nextToken() == JsonToken.VALUE_STRING) {
                            sink.accept(parser.getText());
                        }
                    }
                    default -> { }
                }
            }
        }
    }

    private static void readHtmlNames(InputStream body, Charset charset, URI url, NameSink sink) throws IOException {
        try (StreamParser parser = new StreamParser(Parser.htmlParser())) {
            parser.parse(new BufferedReader(new InputStreamReader(body, charset)), url.toString());
            for (Element element = parser.selectNext("a"); element != null; element = parser.selectNext("a")) {
                sink.accept(element.text().strip());
                // The text between links goes too, not just the link: left in the document, 700k of them fill a
                // small heap and the listing takes minutes instead of seconds. What follows the link may already be
                // parsed, so it stays.
                Element parent = element.parent();
                while (parent != null && parent.childNodeSize() > 0 && parent.childNode(0) != element) {
                    parent.childNode(0).remove();
                }
                element.remove();
            }
        }
    }

    /** Renders both forms from the names file, line by line. */
    private static void render(Path names, Path html, Path json) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(names, StandardCharsets.UTF_8);
             BufferedWriter page = Files.newBufferedWriter(html, StandardCharsets.UTF_8);
             OutputStream jsonOut = Files.newOutputStream(json);
             JsonGenerator generator = JSON.createGenerator(jsonOut)) {
            page.write("<!DOCTYPE html>\n<html>\n  <head>\n    <meta charset=\"utf-8\">\n"
                    + "    <meta name=\"pypi:repository-version\" content=\"1.1\">\n"
                    + "    <title>Simple index</title>\n  </head>\n  <body>\n");
            generator.writeStartObject();
            generator.writeObjectFieldStart("meta");
            generator.writeStringField("api-version", "1.1");
            generator.writeEndObject();
            generator.writeArrayFieldStart("projects");
            for (String name = in.readLine(); name != null; name = in.readLine()) {
                String escaped = Entities.escape(name);
                page.write("    <a href=\"" + new ProjectName(name).value() + "/\">" + escaped + "</a><br/>\n");
                generator.writeStartObject();
                generator.writeStringField("name", name);
                generator.writeEndObject();
            }
            generator.writeEndArray();
            generator.writeEndObject();
            page.write("  </body>\n</html>\n");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }
}
