package dev.larder.simple;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.Writer;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of simple pages (PEP 691, with PEP 700's {@code versions}, {@code size} and {@code upload-time}).
 * Keys that are unknown are left out rather than sent as null: uv rejects null for several of them.
 */
@Singleton
final class JsonRenderer {

    /** PEP 700: UTC with "Z" and at most six fractional digits. */
    private static final DateTimeFormatter UPLOAD_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final ObjectMapper json;

    JsonRenderer(ObjectMapper json) {
        this.json = json;
    }

    /** Writes the project list as it streams from {@code listing}, each name escaped as a JSON string. */
    static void root(RootListing listing, Writer out) throws IOException {
        out.write("{\"meta\":{\"api-version\":\"" + SimpleApi.API_VERSION + "\"},\"projects\":[");
        boolean[] first = {true};
        listing.forEach((normalized, display) -> {
            out.write(first[0] ? "{\"name\":" : ",{\"name\":");
            first[0] = false;
            out.write('"');
            out.write(JsonStringEncoder.getInstance().quoteAsString(display));
            out.write('"');
            out.write('}');
        });
        out.write("]}");
    }

    byte[] project(SimpleProject project) {
        Map<String, Object> page = new LinkedHashMap<>();
        String apiVersion = project.apiVersion();
        page.put("meta", Map.of("api-version", apiVersion));
        page.put("name", project.name().value());
        if (!apiVersion.equals("1.0")) {
            page.put("versions", project.versions());
        }
        page.put("files", project.files().stream().map(JsonRenderer::file).toList());
        return write(page);
    }

    private static Map<String, Object> file(SimpleFile file) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("filename", file.filename());
        out.put("url", file.url());
        out.put("hashes", file.sha256() == null ? Map.of() : Map.of("sha256", file.sha256()));
        if (file.requiresPython() != null) {
            out.put("requires-python", file.requiresPython());
        }
        // Never "dist-info-metadata" in JSON: pip 22.3 to 23.1 crash on it (PEP 714).
        out.put("core-metadata", !file.coreMetadata() ? Boolean.FALSE
                : file.coreMetadataSha256() == null ? Boolean.TRUE : Map.of("sha256", file.coreMetadataSha256()));
        // A reason, or true; never "" (falsy to pip) or null (rejected by uv).
        out.put("yanked", !file.yanked() ? Boolean.FALSE
                : file.yankedReason() == null || file.yankedReason().isEmpty() ? Boolean.TRUE : file.yankedReason());
        if (file.size() != null) {
            out.put("size", file.size());
        }
        if (file.uploadTime() != null) {
            out.put("upload-time", UPLOAD_TIME.format(file.uploadTime().truncatedTo(ChronoUnit.MICROS)));
        }
        return out;
    }

    private byte[] write(Map<String, Object> page) {
        try {
            return json.writeValueAsBytes(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
