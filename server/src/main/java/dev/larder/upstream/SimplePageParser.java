package dev.larder.upstream;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads an upstream project page in either form: PEP 691 JSON, or PEP 503 HTML (with the attributes of PEP 592,
 * 629 and 658/714). Relative links resolve against the page's final URL, or its {@code <base href>}.
 */
@Singleton
final class SimplePageParser {

    private static final Argument<Map<String, Object>> OBJECT = Argument.mapOf(String.class, Object.class);

    private final ObjectMapper json;

    SimplePageParser(ObjectMapper json) {
        this.json = json;
    }

    UpstreamProject parse(InputStream body, String contentType, URI pageUrl) throws IOException {
        String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (type.equals("application/vnd.pypi.simple.v1+json")) {
            return parseJson(body, pageUrl);
        }
        return parseHtml(body, charsetOf(contentType).name(), pageUrl);
    }

    UpstreamProject parseJson(InputStream body, URI pageUrl) throws IOException {
        Map<String, Object> page = json.readValue(body, OBJECT);
        if (page == null || !(page.get("files") instanceof List<?> entries)) {
            throw new IOException("the JSON page has no \"files\" list");
        }
        List<UpstreamFile> files = new ArrayList<>();
        for (Object entry : entries) {
            if (entry instanceof Map<?, ?> file && file.get("filename") instanceof String filename
                    && file.get("url") instanceof String url) {
                files.add(jsonFile(filename, pageUrl.resolve(url.replace(" ", "%20")), file));
            }
        }
        List<String> versions = new ArrayList<>();
        if (page.get("versions") instanceof List<?> listed) {
            listed.forEach(v -> versions.add(String.valueOf(v)));
        }
        return new UpstreamProject(files, versions);
    }

    private static UpstreamFile jsonFile(String filename, URI url, Map<?, ?> file) {
        String sha256 = file.get("hashes") instanceof Map<?, ?> hashes && hashes.get("sha256") instanceof String h
                ? h.toLowerCase(Locale.ROOT) : null;
        Object yanked = file.get("yanked");
        boolean isYanked = Boolean.TRUE.equals(yanked) || (yanked instanceof String s && !s.isEmpty());
        Object metadata = file.containsKey("core-metadata") ? file.get("core-metadata") : file.get("dist-info-metadata");
        boolean hasMetadata = Boolean.TRUE.equals(metadata) || metadata instanceof Map<?, ?>;
        String metadataSha256 = metadata instanceof Map<?, ?> m && m.get("sha256") instanceof String h
                ? h.toLowerCase(Locale.ROOT) : null;
        Long size = file.get("size") instanceof Number n ? n.longValue() : null;
        return new UpstreamFile(filename, withoutFragment(url), sha256,
                file.get("requires-python") instanceof String rp ? rp : null, isYanked,
                isYanked ? (yanked instanceof String s ? s : "") : null, hasMetadata, metadataSha256, size,
                file.get("upload-time") instanceof String t ? instant(t) : null);
    }

    UpstreamProject parseHtml(InputStream body, String charset, URI pageUrl) throws IOException {
        Document page = Jsoup.parse(body, charset, pageUrl.toString());
        List<UpstreamFile> files = new ArrayList<>();
        for (Element anchor : page.select("a[href]")) {
            String absolute = anchor.absUrl("href");
            if (absolute.isEmpty()) {
                continue;
            }
            URI url = URI.create(absolute.replace(" ", "%20"));
            String path = url.getRawPath() == null ? "" : url.getRawPath();
            String filename = URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1).replace("+", "%2B"),
                    StandardCharsets.UTF_8);
            if (filename.isEmpty()) {
                continue;
            }
            String sha256 = fragmentHash(url.getRawFragment());
            boolean yanked = anchor.hasAttr("data-yanked");
            String metadata = anchor.hasAttr("data-core-metadata") ? anchor.attr("data-core-metadata")
                    : anchor.hasAttr("data-dist-info-metadata") ? anchor.attr("data-dist-info-metadata") : null;
            String metadataSha256 = metadata != null && metadata.startsWith("sha256=")
                    ? metadata.substring("sha256=".length()).toLowerCase(Locale.ROOT) : null;
            files.add(new UpstreamFile(filename, withoutFragment(url), sha256,
                    anchor.hasAttr("data-requires-python") ? anchor.attr("data-requires-python") : null,
                    yanked, yanked ? anchor.attr("data-yanked") : null,
                    metadata != null && !metadata.equalsIgnoreCase("false"), metadataSha256, null, null));
        }
        return new UpstreamProject(files, List.of());
    }

    private static String fragmentHash(String fragment) {
        if (fragment == null) {
            return null;
        }
        for (String part : fragment.split("&")) {
            if (part.toLowerCase(Locale.ROOT).startsWith("sha256=")) {
                return part.substring("sha256=".length()).toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static String withoutFragment(URI url) {
        String text = url.toString();
        int hash = text.indexOf('#');
        return hash < 0 ? text : text.substring(0, hash);
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null; // PEP 700 allows leaving it out; a malformed one is as good as absent
        }
    }

    /** The charset a Content-Type names; UTF-8 when it names none, or one Java does not know. */
    static Charset charsetOf(String contentType) {
        if (contentType != null) {
            for (String parameter : contentType.split(";")) {
                String p = parameter.strip();
                if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    try {
                        return Charset.forName(p.substring("charset=".length()).replace("\"", ""));
                    } catch (IllegalArgumentException e) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
