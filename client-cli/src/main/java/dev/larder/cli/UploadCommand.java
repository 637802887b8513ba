package dev.larder.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Sends each file as twine does: the legacy upload form, to the current index. */
@Command(name = "upload", mixinStandardHelpOptions = true, description = "Uploads wheels and sdists to the current index.")
final class UploadCommand implements Runnable {

    private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");

    @ParentCommand
    LarderCommand root;

    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Option(names = "--skip-existing", description = "A file the index already has is skipped, not an error.")
    boolean skipExisting;

    @Override
    public void run() {
        ApiClient api = root.cli.api();
        String index = root.cli.index();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw CliException.usage("No such file: " + file);
            }
            upload(api, index, file);
        }
    }

    private void upload(ApiClient api, String index, Path file) {
        String filename = file.getFileName().toString();
        String[] nameVersion = nameAndVersion(filename);
        boolean wheel = filename.endsWith(".whl");
        try {
            MultipartBody form = new MultipartBody.Builder().setType(MultipartBody.FORM)
                    .addFormDataPart(":action", "file_upload")
                    .addFormDataPart("protocol_version", "1")
                    .addFormDataPart("name", nameVersion[0])
                    .addFormDataPart("version", nameVersion[1])
                    .addFormDataPart("filetype", wheel ? "bdist_wheel" : "sdist")
                    .addFormDataPart("pyversion", wheel ? pythonTag(filename) : "source")
                    .addFormDataPart("sha256_digest", sha256(file))
                    .addFormDataPart("content", filename, new FileBody(file))
                    .build();
            try (Response response = api.execute(api.request("/" + index + "/").post(form))) {
                String body = response.body().string();
                if (response.code() == 409 && skipExisting && body.contains("File already exists")) {
                    root.cli.out().println("Skipped " + filename + ": it already exists in " + index + ".");
                    return;
                }
                if (!response.isSuccessful()) {
                    throw api.refused(response.code(), body, response.message());
                }
                root.cli.out().println(body.strip().isEmpty() ? "Uploaded " + filename : body.strip());
            }
        } catch (IOException e) {
            throw api.unreachable(e);
        }
    }

    /** Wheels: the first two parts; sdists: split at the last '-' before the archive suffix. */
    static String[] nameAndVersion(String filename) {
        if (filename.endsWith(".whl")) {
            String[] parts = filename.substring(0, filename.length() - 4).split("-");
            if (parts.length < 5) {
                throw CliException.usage("'" + filename + "' is not a wheel filename.");
            }
            return new String[] {parts[0], parts[1]};
        }
        String stem = filename.replaceAll("(\\.tar\\.gz|\\.zip)$", "");
        int dash = stem.lastIndexOf('-');
        if (stem.equals(filename) || dash <= 0) {
            throw CliException.usage("'" + filename + "' is neither a wheel nor an sdist (.tar.gz, .zip).");
        }
        return new String[] {stem.substring(0, dash), stem.substring(dash + 1)};
    }

    private static String pythonTag(String filename) {
        String[] parts = filename.substring(0, filename.length() - 4).split("-");
        return parts[parts.length - 3];
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file, streamed from disk, with a progress line on a terminal. */
    private final class FileBody extends RequestBody {
        private final Path file;

        FileBody(Path file) {
            this.file = file;
        }

        @Override
        public MediaType contentType() {
            return OCTET_STREAM;
        }

        @Override
        public long contentLength() throws IOException {
            return Files.size(file);
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            long total = contentLength();
            long sent = 0;
            int shown = -1;
            try (Source source = Okio.source(file)) {
                okio.Buffer buffer = new okio.Buffer();
                for (long n = source.read(buffer, 64 * 1024); n != -1; n = source.read(buffer, 64 * 1024)) {
                    sink.write(buffer, n);
                    sent += n;
                    int percent = total == 0 ? 100 : (int) (sent * 100 / total);
                    if (root.cli.onTerminal() && percent != shown) {
                        shown = percent;
                        root.cli.err().print("\r" + file.getFileName() + " " + "#".repeat(percent / 5)
                                + " ".repeat(20 - percent / 5) + " " + percent + "%");
                    }
                }
            }
            if (root.cli.onTerminal()) {
                root.cli.err().println();
            }
        }
    }
}
