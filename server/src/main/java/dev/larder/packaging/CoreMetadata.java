package dev.larder.packaging;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A distribution's core metadata (a wheel's {@code METADATA}, an sdist's {@code PKG-INFO}), parsed as Python's
 * {@code email.parser} with the compat32 policy reads it: RFC 822 headers, folded lines continued by leading
 * whitespace, repeated headers for multiple-use fields, and the body after the first blank line as the
 * description (https://packaging.python.org/en/latest/specifications/core-metadata/).
 */
public record CoreMetadata(Map<String, List<String>> fields, String body) {

    /** Metadata files are UTF-8; a file that is not must be rejected, not silently mangled. */
    public static CoreMetadata parse(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidDistributionNameException("The core metadata is not valid UTF-8.");
        }
        return parse(text);
    }

    public static CoreMetadata parse(String text) {
        Map<String, List<String>> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        String name = null;
        StringBuilder value = null;
        int i = 0;
        for (; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                i++;
                break;
            }
            if ((line.startsWith(" ") || line.startsWith("\t")) && name != null) {
                value.append('\n').append(line);
                continue;
            }
            add(fields, name, value);
            int colon = line.indexOf(':');
            if (colon <= 0) {
                // compat32 stops reading headers at the first line that is not one; so do we.
                name = null;
                value = null;
                break;
            }
            name = line.substring(0, colon).strip();
            value = new StringBuilder(line.substring(colon + 1).strip());
        }
        add(fields, name, value);
        StringBuilder body = new StringBuilder();
        for (int j = i; j < lines.length; j++) {
            body.append(lines[j]).append(j + 1 < lines.length ? "\n" : "");
        }
        Map<String, List<String>> frozen = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        fields.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return new CoreMetadata(Collections.unmodifiableMap(frozen), body.toString());
    }

    private static void add(Map<String, List<String>> fields, String name, StringBuilder value) {
        if (name != null) {
            fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value.toString());
        }
    }

    public Optional<String> first(String field) {
        List<String> values = fields.get(field);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public List<String> all(String field) {
        return fields.getOrDefault(field, List.of());
    }

    public Optional<String> metadataVersion() {
        return first("Metadata-Version");
    }

    public Optional<String> name() {
        return first("Name");
    }

    public Optional<String> version() {
        return first("Version");
    }

    public Optional<String> summary() {
        return first("Summary");
    }

    public Optional<String> requiresPython() {
        return first("Requires-Python");
    }

    public List<String> requiresDist() {
        return all("Requires-Dist");
    }

    /** The body (metadata 2.1 and later) or, in older files, the {@code Description} header. */
    public Optional<String> description() {
        if (!body.isBlank()) {
            return Optional.of(body);
        }
        return first("Description");
    }

    public Optional<String> descriptionContentType() {
        return first("Description-Content-Type");
    }
}
