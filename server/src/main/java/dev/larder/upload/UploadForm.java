package dev.larder.upload;

import dev.larder.storage.BlobWriter;
import dev.larder.storage.StoredBlob;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The upload form as received: its text fields in the order sent (repeated fields keep every value), and the
 * distribution file, already streamed into a sealed but unpublished blob. Closing the form discards that blob
 * unless it was committed.
 */
final class UploadForm implements AutoCloseable {

    /** The {@code content} part: its filename and the sealed bytes. */
    record Content(String filename, BlobWriter writer, StoredBlob sealed) {}

    private final Map<String, List<String>> fields;
    private final Content content;

    UploadForm(Map<String, List<String>> fields, Content content) {
        this.fields = fields;
        this.content = content;
    }

    Map<String, List<String>> fields() {
        return fields;
    }

    Optional<Content> content() {
        return Optional.ofNullable(content);
    }

    /** The field's value, treating PyPI's placeholders as absent: a blank value or distutils' {@code UNKNOWN}. */
    Optional<String> single(String name) {
        return values(name).stream().findFirst();
    }

    /** All values of a repeated field, without placeholders. */
    List<String> values(String name) {
        return fields.getOrDefault(name, List.of()).stream()
                .filter(value -> !value.isBlank() && !value.strip().equals("UNKNOWN"))
                .toList();
    }

    @Override
    public void close() throws IOException {
        if (content != null) {
            content.writer().close();
        }
    }
}
