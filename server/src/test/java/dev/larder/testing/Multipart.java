package dev.larder.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * An upload form shaped like the one twine sends (protocol.md §8), for tests that need to send what twine would
 * not: missing or wrong fields, other metadata versions, corrupt files.
 */
public final class Multipart {

    private final List<String[]> fields = new ArrayList<>();
    private String contentFilename;
    private byte[] content;
    private final String boundary = "larder-test-" + UUID.randomUUID();

    /** The fields twine sends for {@code file} of {@code name} {@code version}, digests included. */
    public static Multipart twineLike(Path file, String name, String version) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        String filename = file.getFileName().toString();
        boolean wheel = filename.endsWith(".whl");
        return new Multipart()
                .field(":action", "file_upload")
                .field("protocol_version", "1")
                .field("metadata_version", "2.1")
                .field("name", name)
                .field("version", version)
                .field("filetype", wheel ? "bdist_wheel" : "sdist")
                .field("pyversion", wheel ? "py3" : "source")
                .field("sha256_digest", sha256(bytes))
                .field("blake2_256_digest", blake2b256(bytes))
                .content(filename, bytes);
    }

    public Multipart field(String name, String value) {
        fields.add(new String[] {name, value});
        return this;
    }

    /** Removes every value of a field. */
    public Multipart without(String name) {
        fields.removeIf(field -> field[0].equals(name));
        return this;
    }

    /** Replaces every value of a field with one. */
    public Multipart set(String name, String value) {
        return without(name).field(name, value);
    }

    public Multipart content(String filename, byte[] bytes) {
        this.contentFilename = filename;
        this.content = bytes;
        return this;
    }

    public Multipart withoutContent() {
        this.contentFilename = null;
        this.content = null;
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public byte[] body() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String[] field : fields) {
            write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n");
            write(out, field[1] + "\r\n");
        }
        if (content != null) {
            write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\""
                    + contentFilename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            out.writeBytes(content);
            write(out, "\r\n");
        }
        write(out, "--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    public static String md5(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }

    public static String blake2b256(byte[] bytes) {
        Blake2bDigest digest = new Blake2bDigest(256);
        digest.update(bytes, 0, bytes.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
