package dev.larder.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Builds real distributions for tests: a pure-Python wheel (a zip with the module, METADATA, WHEEL and RECORD)
 * or an sdist (a gzipped tar with PKG-INFO and pyproject.toml). Metadata-Version defaults to 2.1, the newest that
 * Debian's twine 4 accepts (shared/STACK.md §8).
 */
public final class Distribution {

    private final String name;
    private final String version;
    private final List<String> requiresDist = new ArrayList<>();
    private final Map<String, String> extraMetadata = new LinkedHashMap<>();
    private String metadataVersion = "2.1";
    private String requiresPython;
    private String metadataName;
    private String metadataVersionField;
    private String marker = "";
    private String description = "A package built by Larder's tests.\n";
    private String summary;
    private String descriptionContentType = "text/plain";

    private Distribution(String name, String version) {
        this.name = name;
        this.version = version;
    }

    public static Distribution of(String name, String version) {
        return new Distribution(name, version);
    }

    public Distribution requires(String requirement) {
        requiresDist.add(requirement);
        return this;
    }

    public Distribution requiresPython(String specifier) {
        this.requiresPython = specifier;
        return this;
    }

    public Distribution metadataVersion(String value) {
        this.metadataVersion = value;
        return this;
    }

    public Distribution metadata(String field, String value) {
        extraMetadata.put(field, value);
        return this;
    }

    /** The Summary line; by default "Test package <name>". */
    public Distribution summary(String text) {
        this.summary = text;
        return this;
    }

    /** The description and its Description-Content-Type, e.g. {@code text/markdown}. */
    public Distribution description(String text, String contentType) {
        this.description = text;
        this.descriptionContentType = contentType;
        return this;
    }

    public Distribution description(String text) {
        this.description = text;
        return this;
    }

    /** Makes the metadata claim another name than the filename: an invalid distribution. */
    public Distribution metadataName(String claimed) {
        this.metadataName = claimed;
        return this;
    }

    /** Makes the metadata claim another version than the filename: an invalid distribution. */
    public Distribution metadataClaimsVersion(String claimed) {
        this.metadataVersionField = claimed;
        return this;
    }

    /** Changes the module's content, so the same filename gets other bytes. */
    public Distribution marker(String text) {
        this.marker = text;
        return this;
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    public String distributionName() {
        return name.toLowerCase().replaceAll("[-_.]+", "_");
    }

    public String wheelFilename() {
        return distributionName() + "-" + version + "-py3-none-any.whl";
    }

    public String sdistFilename() {
        return distributionName() + "-" + version + ".tar.gz";
    }

    public String metadataText() {
        StringBuilder meta = new StringBuilder()
                .append("Metadata-Version: ").append(metadataVersion).append('\n')
                .append("Name: ").append(metadataName == null ? name : metadataName).append('\n')
                .append("Version: ").append(metadataVersionField == null ? version : metadataVersionField).append('\n')
                .append("Summary: ").append(summary == null ? "Test package " + name : summary).append('\n');
        if (requiresPython != null) {
            meta.append("Requires-Python: ").append(requiresPython).append('\n');
        }
        for (String requirement : requiresDist) {
            meta.append("Requires-Dist: ").append(requirement).append('\n');
        }
        extraMetadata.forEach((field, value) -> meta.append(field).append(": ").append(value).append('\n'));
        meta.append("Description-Content-Type: ").append(descriptionContentType).append("\n\n").append(description);
        return meta.toString();
    }

    public Path wheel(Path folder) throws IOException {
        String dist = distributionName();
        String distInfo = dist + "-" + version + ".dist-info";
        Map<String, String> files = new LinkedHashMap<>();
        files.put(dist + "/__init__.py", "VALUE = '" + name + " " + version + marker + "'\n");
        files.put(distInfo + "/METADATA", metadataText());
        files.put(distInfo + "/WHEEL", "Wheel-Version: 1.0\nGenerator: larder-tests\nRoot-Is-Purelib: true\n"
                + "Tag: py3-none-any\n");
        StringBuilder record = new StringBuilder();
        for (Map.Entry<String, String> file : files.entrySet()) {
            byte[] bytes = file.getValue().getBytes(StandardCharsets.UTF_8);
            record.append(file.getKey()).append(",sha256=").append(urlsafeSha256(bytes)).append(',')
                    .append(bytes.length).append('\n');
        }
        record.append(distInfo).append("/RECORD,,\n");
        files.put(distInfo + "/RECORD", record.toString());
        Path wheel = folder.resolve(wheelFilename());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(wheel))) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setTime(0);
                zip.putNextEntry(entry);
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return wheel;
    }

    public Path sdist(Path folder) throws IOException {
        String top = distributionName() + "-" + version;
        Map<String, String> files = new LinkedHashMap<>();
        files.put(top + "/PKG-INFO", metadataText());
        files.put(top + "/pyproject.toml", "[build-system]\nrequires = [\"setuptools\"]\n"
                + "build-backend = \"setuptools.build_meta\"\n");
        files.put(top + "/" + distributionName() + "/__init__.py", "VALUE = '" + name + marker + "'\n");
        Path sdist = folder.resolve(sdistFilename());
        try (OutputStream out = Files.newOutputStream(sdist);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, String> file : files.entrySet()) {
                byte[] bytes = file.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
                entry.setSize(bytes.length);
                tar.putArchiveEntry(entry);
                tar.write(bytes);
                tar.closeArchiveEntry();
            }
        }
        return sdist;
    }

    private static String urlsafeSha256(byte[] bytes) {
        try {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A zip that is not a wheel at all, under a wheel's name: for tests of corrupt uploads. */
    public static byte[] zipWithout(String... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("x".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
