package dev.larder.upload;

import dev.larder.platform.Problem;
import dev.larder.platform.ProblemException;
import dev.larder.storage.BlobStore;
import dev.larder.storage.BlobWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.MimeIOException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.ParserCursor;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.apache.james.mime4j.util.ByteSequence;
import org.apache.james.mime4j.util.ContentUtil;

/**
 * Reads the {@code multipart/form-data} body twine, poetry and uv send, part by part as it arrives: text fields
 * into memory (bounded), the {@code content} part straight into a blob writer (bounded), so memory stays flat
 * whatever the file's size (protocol.md §3.3 "Java/multipart pitfalls").
 */
final class MultipartFormReader {

    static final String CONTENT = "content";
    /** Twine sends a signature as a file part; PyPI ignores it, and so do we. */
    static final String GPG_SIGNATURE = "gpg_signature";
    private static final int BUFFER_SIZE = 64 * 1024;

    private final BlobStore store;
    private final long maxFileSize;
    private final long maxFieldBytes;

    MultipartFormReader(BlobStore store, long maxFileSize, long maxFieldBytes) {
        this.store = store;
        this.maxFileSize = maxFileSize;
        this.maxFieldBytes = maxFieldBytes;
    }

    UploadForm read(InputStream body, String contentType) throws IOException {
        MimeConfig config = MimeConfig.custom()
                .setStrictParsing(true)      // a body cut off before its closing boundary is an error, not a form
                .setMaxLineLen(-1)
                .setMaxHeaderLen(64 * 1024)
                .setMaxHeaderCount(1000)
                .build();
        if (!contentType.toLowerCase(Locale.ROOT).matches(".*;\\s*boundary=\"?[^\";]+.*")) {
            throw ProblemException.invalid("The upload's Content-Type '" + contentType + "' has no boundary.");
        }
        MimeTokenStream parts = new MimeTokenStream(config);
        parts.parseHeadless(body, contentType);
        Map<String, List<String>> fields = new LinkedHashMap<>();
        UploadForm.Content content = null;
        long fieldBytes = 0;
        String name = null;
        String filename = null;
        try {
            for (EntityState state = parts.getState(); state != EntityState.T_END_OF_STREAM; state = parts.next()) {
                switch (state) {
                    case T_START_BODYPART -> {
                        name = null;
                        filename = null;
                    }
                    case T_FIELD -> {
                        Field header = parts.getField();
                        if (header.getName().equalsIgnoreCase("Content-Disposition")) {
                            Map<String, String> params = dispositionParameters(header);
                            name = params.get("name");
                            filename = params.get("filename");
                        }
                    }
                    case T_BODY -> {
                        if (name == null) {
                            throw ProblemException.invalid("A part of the upload form has no name"
                                    + " (Content-Disposition: form-data; name=\"...\").");
                        }
                        if (name.equals(CONTENT)) {
                            if (content != null) {
                                throw ProblemException.invalid("The upload form has more than one 'content' part:"
                                        + " upload one file per request.");
                            }
                            content = receiveFile(parts.getInputStream(), filename);
                        } else if (name.equals(GPG_SIGNATURE)) {
                            parts.getInputStream().transferTo(OutputStream.nullOutputStream());
                        } else {
                            String value = readText(parts.getInputStream(), maxFieldBytes - fieldBytes);
                            fieldBytes += value.length();
                            fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                        }
                    }
                    default -> { }
                }
            }
        } catch (MimeException | MimeIOException e) {
            // A body cut short (the client gave up) or not multipart at all: the client's problem, not ours.
            closeQuietly(content);
            throw ProblemException.invalid("The upload is not a complete multipart/form-data body: "
                    + e.getMessage() + ".");
        } catch (RuntimeException | IOException e) {
            closeQuietly(content);
            throw e;
        }
        return new UploadForm(fields, content);
    }

    private UploadForm.Content receiveFile(InputStream in, String filename) throws IOException {
        if (filename == null || filename.isBlank()) {
            throw ProblemException.invalid("The 'content' part of the upload has no filename.");
        }
        BlobWriter writer = store.writer();
        try {
            OutputStream out = writer.output();
            byte[] buffer = new byte[BUFFER_SIZE];
            long size = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                size += n;
                if (size > maxFileSize) {
                    // Read the rest so the client gets our answer, not a reset connection.
                    in.transferTo(OutputStream.nullOutputStream());
                    throw new ProblemException(Problem.TOO_LARGE, "File too large: '" + filename + "' is over the"
                            + " limit of " + maxFileSize + " bytes (" + (maxFileSize >> 20) + " MiB) per file.");
                }
                out.write(buffer, 0, n);
            }
            return new UploadForm.Content(filename, writer, writer.seal());
        } catch (IOException | RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    private String readText(InputStream in, long budget) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            if (bytes.size() + n > budget) {
                throw new ProblemException(Problem.TOO_LARGE, "The upload form's text fields are over the limit of "
                        + maxFieldBytes + " bytes in all.");
            }
            bytes.write(buffer, 0, n);
        }
        // Multipart text parts carry no charset; every client sends UTF-8.
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static Map<String, String> dispositionParameters(Field header) {
        ByteSequence raw = ContentUtil.encode(header.getBody());
        RawBody parsed = RawFieldParser.DEFAULT.parseRawBody(raw, new ParserCursor(0, raw.length()));
        Map<String, String> params = new LinkedHashMap<>();
        for (NameValuePair pair : parsed.getParams()) {
            params.put(pair.getName().toLowerCase(Locale.ROOT), pair.getValue());
        }
        return params;
    }

    private static void closeQuietly(UploadForm.Content content) {
        if (content != null) {
            try {
                content.writer().close();
            } catch (IOException ignored) {
                // the original failure is what the client needs to hear about
            }
        }
    }
}
