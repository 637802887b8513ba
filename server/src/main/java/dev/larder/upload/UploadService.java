package dev.larder.upload;

import dev.larder.account.User;
import dev.larder.audit.AuditLog;
import dev.larder.catalog.AddedFile;
import dev.larder.catalog.Catalog;
import dev.larder.catalog.NewFile;
import dev.larder.catalog.ReleaseFile;
import dev.larder.catalog.ReleaseMetadata;
import dev.larder.index.Index;
import dev.larder.packaging.CoreMetadata;
import dev.larder.packaging.DistributionFilename;
import dev.larder.packaging.InvalidDistributionNameException;
import dev.larder.packaging.ProjectName;
import dev.larder.packaging.SdistFilename;
import dev.larder.packaging.Version;
import dev.larder.packaging.WheelFilename;
import dev.larder.platform.Problem;
import dev.larder.platform.ProblemException;
import dev.larder.storage.BlobDigestMismatchException;
import dev.larder.storage.BlobStore;
import dev.larder.storage.Digests;
import dev.larder.storage.StoredBlob;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The legacy upload API (SPEC §7, protocol.md §3): checks the form and the file as PyPI does, in PyPI's order,
 * then publishes the blob and records the file. Every refusal is a 4xx naming the problem; nothing is stored
 * for a refused upload.
 */
@Singleton
public class UploadService {

    private static final Pattern HEX_DIGEST = Pattern.compile("[0-9a-fA-F]+");
    private static final Pattern METADATA_VERSION = Pattern.compile("(1\\.[012]|2\\.[1-9][0-9]*)");
    private static final Set<String> RELEASE_FIELDS = Set.of("metadata-version", "name", "version", "summary",
            "requires-python", "requires-dist", "description", "description-content-type");
    private static final int MAX_SUMMARY = 512;
    private static final int MAX_REQUIRES_PYTHON = 1024;

    private final BlobStore blobs;
    private final Catalog catalog;
    private final AuditLog audit;
    private final long maxFileSize;
    private final long maxFieldBytes;

    UploadService(BlobStore blobs, Catalog catalog, AuditLog audit,
                  @Value("${larder.upload.max-file-size}") @ReadableBytes long maxFileSize,
                  @Value("${larder.upload.max-form-fields-size}") @ReadableBytes long maxFieldBytes) {
        this.blobs = blobs;
        this.catalog = catalog;
        this.audit = audit;
        this.maxFileSize = maxFileSize;
        this.maxFieldBytes = maxFieldBytes;
    }

    /** The largest request body an upload may have: the file plus its form fields. */
    public long maxRequestSize() {
        return maxFileSize + maxFieldBytes + 1024 * 1024;
    }

    /** Reads the form from {@code body}, checks it, and adds the file to {@code index}. */
    public AddedFile upload(Index index, User uploader, String address, InputStream body, String contentType)
            throws IOException {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw ProblemException.invalid("An upload is a multipart/form-data POST, as twine sends it; this request"
                    + " has Content-Type '" + contentType + "'.");
        }
        try (UploadForm form = new MultipartFormReader(blobs, maxFileSize, maxFieldBytes).read(body, contentType)) {
            AddedFile added = accept(index, uploader, form);
            if (!(added instanceof AddedFile.Unchanged)) {
                audit.record(uploader.name().value(), address, "upload", index.name().toString(),
                        added.file().filename() + (added instanceof AddedFile.Replaced ? " (replaced)" : ""));
            }
            return added;
        }
    }

    private AddedFile accept(Index index, User uploader, UploadForm form) throws IOException {
        checkAction(form);
        String protocol = form.single("protocol_version").orElse("1");
        if (!protocol.equals("1")) {
            throw ProblemException.invalid("Unknown protocol version.");
        }
        form.single("metadata_version").ifPresent(UploadService::checkMetadataVersion);
        ProjectName name = formName(form);
        Version version = formVersion(form);
        UploadForm.Content content = form.content().orElseThrow(() ->
                ProblemException.invalid("Upload payload does not have a file."));
        String filetype = form.single("filetype").orElseThrow(() ->
                ProblemException.invalid("Use a known file type: the form field 'filetype' is missing."));
        if (!filetype.equals("sdist") && !filetype.equals("bdist_wheel")) {
            throw ProblemException.invalid("Use a known file type: 'filetype' is '" + filetype
                    + "', but only 'sdist' and 'bdist_wheel' are accepted.");
        }
        DistributionFilename filename = parseFilename(content.filename());
        String pythonVersion = checkFiletype(filename, filetype, form.single("pyversion").orElse(""));
        if (!filename.project().equals(name)) {
            throw ProblemException.invalid("Filename '" + filename.filename() + "' is for project '"
                    + filename.project() + "', but the form's name is '" + name + "'.");
        }
        if (!filename.version().equals(version)) {
            throw ProblemException.invalid("Filename '" + filename.filename() + "' has version '"
                    + filename.version() + "', but the form's version is '" + version + "'.");
        }
        checkDigests(form, content.sealed());
        InspectedDistribution inspected;
        try (SeekableByteChannel channel = content.writer().openSealed()) {
            inspected = DistributionInspector.inspect(filename, channel);
        }
        ReleaseMetadata metadata = releaseMetadata(inspected.metadata(), form);
        String requiresPython = metadata.requiresPython();

        Optional<ReleaseFile> existing = catalog.fileNamed(index, filename.filename());
        if (existing.isPresent() && existing.get().digests().sha256().equals(content.sealed().key().sha256())) {
            return new AddedFile.Unchanged(existing.get()); // the same file again: nothing to store
        }
        StoredBlob stored = commit(content);
        String metadataSha256 = null;
        long metadataSize = 0;
        if (inspected.wheelMetadata() != null) {
            StoredBlob metadataBlob = blobs.write(new ByteArrayInputStream(inspected.wheelMetadata()));
            metadataSha256 = metadataBlob.key().sha256();
            metadataSize = metadataBlob.size();
        }
        NewFile file = new NewFile(filename, filetype, pythonVersion, stored.digests(), stored.size(),
                requiresPython, form.single("comment").orElse(null), metadataSha256, metadataSize);
        try {
            return catalog.addFile(index, uploader, metadata, file);
        } catch (DataAccessException e) {
            // A concurrent upload created the same project, release or file first and a unique key refused ours.
            // Its transaction has committed now, so a second attempt sees it and answers as for a re-upload.
            return catalog.addFile(index, uploader, metadata, file);
        }
    }

    private static void checkAction(UploadForm form) {
        String action = form.single(":action").orElse("");
        switch (action) {
            case "file_upload" -> { }
            case "submit", "submit_pkg_info" -> throw new ProblemException(Problem.GONE, "Project pre-registration"
                    + " is no longer required or supported, upload your files instead.");
            case "doc_upload" -> throw new ProblemException(Problem.GONE, "Uploading documentation is not supported.");
            default -> throw ProblemException.invalid(action.isEmpty()
                    ? "The upload form has no ':action' field; send ':action=file_upload', as twine does."
                    : "Unknown ':action' '" + action + "'; only 'file_upload' is supported.");
        }
    }

    private static void checkMetadataVersion(String metadataVersion) {
        if (!METADATA_VERSION.matcher(metadataVersion).matches()) {
            throw ProblemException.invalid("'" + metadataVersion + "' is an invalid value for Metadata-Version."
                    + " Error: use a known metadata version (1.0 to 1.2, or 2.1 and later 2.x).");
        }
    }

    private static ProjectName formName(UploadForm form) {
        String name = form.single("name").orElseThrow(() ->
                ProblemException.invalid("The upload form has no 'name' field."));
        if (!ProjectName.isValid(name)) {
            throw ProblemException.invalid("'" + name + "' is an invalid value for Name. Error: Start and end with a"
                    + " letter or numeral containing only ASCII numeric and '.', '_' and '-'.");
        }
        return new ProjectName(name);
    }

    private static Version formVersion(UploadForm form) {
        String version = form.single("version").orElseThrow(() ->
                ProblemException.invalid("The upload form has no 'version' field."));
        if (!Version.isValid(version)) {
            throw ProblemException.invalid("'" + version + "' is an invalid value for Version. Error: it is not a"
                    + " valid PEP 440 version (for example 1.0, 2.1rc1, 1.0.post1).");
        }
        return Version.parse(version);
    }

    private static DistributionFilename parseFilename(String filename) {
        if (filename.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw ProblemException.invalid("Cannot upload a file with control characters in its name.");
        }
        try {
            return DistributionFilename.parse(filename);
        } catch (InvalidDistributionNameException e) {
            throw ProblemException.invalid(e.getMessage());
        }
    }

    /** Answers the python_version to record: the wheel's tag as sent, or "source". */
    private static String checkFiletype(DistributionFilename filename, String filetype, String pyversion) {
        boolean wheel = filename instanceof WheelFilename;
        if (wheel != filetype.equals("bdist_wheel")) {
            String extension = wheel ? ".whl" : ((SdistFilename) filename).suffix();
            throw ProblemException.invalid("Invalid file extension: Extension " + extension
                    + " is invalid for filetype " + filetype + ".");
        }
        if (wheel) {
            if (pyversion.isBlank()) {
                throw ProblemException.invalid("Python version is required for binary distribution uploads.");
            }
            return pyversion;
        }
        if (!pyversion.isBlank() && !pyversion.equals("source")) {
            throw ProblemException.invalid("Use 'source' as Python version for an sdist.");
        }
        return "source";
    }

    private static void checkDigests(UploadForm form, StoredBlob sealed) {
        Digests actual = sealed.digests();
        Map<String, String> expected = new LinkedHashMap<>();
        form.single("sha256_digest").ifPresent(v -> expected.put("sha256_digest", v));
        form.single("blake2_256_digest").ifPresent(v -> expected.put("blake2_256_digest", v));
        form.single("md5_digest").ifPresent(v -> expected.put("md5_digest", v));
        if (expected.isEmpty()) {
            throw ProblemException.invalid("Include at least one message digest.");
        }
        for (Map.Entry<String, String> digest : expected.entrySet()) {
            String sent = digest.getValue().strip();
            String computed = switch (digest.getKey()) {
                case "sha256_digest" -> actual.sha256();
                case "blake2_256_digest" -> actual.blake2b256();
                default -> actual.md5();
            };
            if (!HEX_DIGEST.matcher(sent).matches() || sent.length() != computed.length()) {
                throw ProblemException.invalid("'" + sent + "' is an invalid value for " + digest.getKey()
                        + ": expected " + computed.length() + " hexadecimal digits.");
            }
            if (!sent.equalsIgnoreCase(computed)) {
                throw ProblemException.invalid("The digest supplied does not match a digest calculated from the"
                        + " uploaded file: " + digest.getKey() + " was " + sent.toLowerCase(Locale.ROOT)
                        + ", the file's is " + computed + ". The upload was cut short or changed on the way.");
            }
        }
    }

    private static ReleaseMetadata releaseMetadata(CoreMetadata file, UploadForm form) {
        String summary = file.summary().or(() -> form.single("summary")).orElse(null);
        if (summary != null && summary.length() > MAX_SUMMARY) {
            throw ProblemException.invalid("Summary is " + summary.length() + " characters; at most " + MAX_SUMMARY
                    + " are allowed.");
        }
        String requiresPython = file.requiresPython().or(() -> form.single("requires_python")).orElse(null);
        if (requiresPython != null && requiresPython.length() > MAX_REQUIRES_PYTHON) {
            throw ProblemException.invalid("Requires-Python is longer than " + MAX_REQUIRES_PYTHON + " characters.");
        }
        List<String> requiresDist = file.requiresDist().isEmpty() ? form.values("requires_dist") : file.requiresDist();
        Map<String, List<String>> other = new LinkedHashMap<>();
        file.fields().forEach((field, values) -> {
            if (!RELEASE_FIELDS.contains(field.toLowerCase(Locale.ROOT))) {
                other.put(field, values);
            }
        });
        return new ReleaseMetadata(file.name().orElseThrow(), summary, requiresPython, requiresDist,
                file.description().or(() -> form.single("description")).orElse(null),
                file.descriptionContentType().or(() -> form.single("description_content_type")).orElse(null),
                other);
    }

    private static StoredBlob commit(UploadForm.Content content) throws IOException {
        try {
            return content.writer().commit(content.sealed().key());
        } catch (BlobDigestMismatchException e) {
            throw new IllegalStateException("Sealed bytes changed before they were published", e);
        }
    }
}
