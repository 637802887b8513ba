package dev.larder.storage;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blobs as files under one folder: {@code sha256/ab/cd/<hex>}, two levels of fan-out so that no directory grows
 * past 65,536 entries before millions of files.
 *
 * <p>A write goes to {@code tmp/} on the same filesystem, is fsynced, made read-only and renamed into place
 * atomically; so a blob is either absent or whole, even across a crash. Leftovers in {@code tmp/} from a crash are
 * removed when the store opens (one server owns a data folder, which the server's data-folder lock ensures).
 */
public final class FileSystemBlobStore implements BlobStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileSystemBlobStore.class);
    private static final int BUFFER_SIZE = 64 * 1024;

    private final Path blobs;
    private final Path tmp;

    public FileSystemBlobStore(Path root) throws IOException {
        this.blobs = root.resolve("sha256");
        this.tmp = root.resolve("tmp");
        Files.createDirectories(blobs);
        Files.createDirectories(tmp);
        removeLeftoverWrites();
    }

    Path pathOf(BlobKey key) {
        String hex = key.sha256();
        return blobs.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
    }

    @Override
    public BlobWriter writer() throws IOException {
        return new FileWriter(Files.createTempFile(tmp, "write-", ".part"));
    }

    @Override
    public Optional<BlobContent> find(BlobKey key) throws IOException {
        Path path = pathOf(key);
        try {
            return Optional.of(new FileContent(key, path, Files.size(path)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Path> localFile(BlobKey key) {
        Path path = pathOf(key);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    @Override
    public boolean contains(BlobKey key) {
        return Files.isRegularFile(pathOf(key));
    }

    @Override
    public boolean delete(BlobKey key) throws IOException {
        return Files.deleteIfExists(pathOf(key));
    }

    @Override
    public boolean verify(BlobKey key) throws IOException {
        Path path = pathOf(key);
        if (!Files.isRegularFile(path)) {
            return false;
        }
        MessageDigest sha256 = sha256();
        byte[] buffer = new byte[BUFFER_SIZE];
        try (InputStream in = Files.newInputStream(path)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha256.update(buffer, 0, n);
            }
        }
        return BlobKey.of(sha256.digest()).equals(key);
    }

    @Override
    public void checkWritable() throws IOException {
        for (Path dir : new Path[] {blobs, tmp}) {
            if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
                throw new IOException("Blob folder " + dir.toAbsolutePath() + " is missing or not writable;"
                        + " check that the data folder exists and belongs to the user running Larder.");
            }
        }
    }

    private void removeLeftoverWrites() throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(tmp)) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
                LOG.info("Removed an unfinished blob write left by an earlier run: {}", leftover.getFileName());
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks SHA-256, which every Java SE runtime must have", e);
        }
    }

    private static void fsyncDirectory(Path dir) throws IOException {
        // Makes the rename itself durable; the file's own bytes were forced before it.
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private final class FileWriter implements BlobWriter {
        private final Path temp;
        private final FileChannel channel;
        private final OutputStream buffered;
        private final DigestingOutputStream digesting;
        private final OutputStream output;
        private StoredBlob sealed;
        private boolean done;

        FileWriter(Path temp) throws IOException {
            this.temp = temp;
            this.channel = FileChannel.open(temp, StandardOpenOption.WRITE);
            this.buffered = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_SIZE);
            this.digesting = new DigestingOutputStream(buffered);
            // Callers often close the stream they were given; that must not close the file before it is forced.
            this.output = new FilterOutputStream(digesting) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    out.flush();
                }
            };
        }

        @Override
        public OutputStream output() {
            return output;
        }

        @Override
        public StoredBlob seal() throws IOException {
            if (done) {
                throw new IllegalStateException("This blob write was already committed or discarded");
            }
            if (sealed == null) {
                try {
                    buffered.flush();
                    channel.force(true);
                } finally {
                    channel.close();
                }
                Digests digests = digesting.digests();
                sealed = new StoredBlob(digests.key(), digesting.size(), digests);
            }
            return sealed;
        }

        @Override
        public SeekableByteChannel openWritten() throws IOException {
            return FileChannel.open(temp, StandardOpenOption.READ);
        }

        @Override
        public SeekableByteChannel openSealed() throws IOException {
            seal();
            return FileChannel.open(temp, StandardOpenOption.READ);
        }

        @Override
        public StoredBlob commit() throws IOException {
            StoredBlob blob = seal();
            moveIntoPlace(blob);
            return blob;
        }

        @Override
        public StoredBlob commit(BlobKey expected) throws IOException, BlobDigestMismatchException {
            StoredBlob blob = seal();
            if (!blob.key().equals(expected)) {
                close();
                throw new BlobDigestMismatchException(expected, blob.key());
            }
            moveIntoPlace(blob);
            return blob;
        }

        private void moveIntoPlace(StoredBlob blob) throws IOException {
            done = true;
            Path target = pathOf(blob.key());
            try {
                if (Files.isRegularFile(target) && Files.size(target) == blob.size()) {
                    return; // the same bytes are already stored: keep that one copy
                }
                Files.createDirectories(target.getParent());
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("r--r--r--"));
                // A concurrent writer of the same bytes may win the race; rename then replaces identical content.
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                fsyncDirectory(target.getParent());
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("The blob folder " + blobs + " and its tmp folder " + tmp
                        + " must be on one filesystem so blobs appear atomically", e);
            } finally {
                Files.deleteIfExists(temp);
            }
        }

        @Override
        public void close() throws IOException {
            if (!done) {
                done = true;
                channel.close();
                Files.deleteIfExists(temp);
            }
        }
    }

    private record FileContent(BlobKey key, Path path, long size) implements BlobContent {

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(path);
        }

        @Override
        public InputStream open(long offset, long length) throws IOException {
            if (offset < 0 || length < 0 || offset + length > size) {
                throw new IllegalArgumentException("Range " + offset + "+" + length + " is outside blob " + key
                        + " of " + size + " bytes");
            }
            FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
            channel.position(offset);
            return new RangeInputStream(Channels.newInputStream(channel), length);
        }
    }
}
