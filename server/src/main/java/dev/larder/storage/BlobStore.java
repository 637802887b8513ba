package dev.larder.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Bytes addressed by their sha256: stored once, never changed, read back whole or in ranges.
 *
 * <p>The contract every implementation keeps (and {@code BlobStoreContract} checks): a write streams and never holds
 * the content in memory; nothing is visible under a key until its bytes are complete and durable; a failed or
 * abandoned write leaves nothing behind; concurrent writers of the same bytes end with one intact copy.
 */
public interface BlobStore {

    BlobWriter writer() throws IOException;

    /** Streams {@code content} into the store. */
    default StoredBlob write(InputStream content) throws IOException {
        try (BlobWriter writer = writer()) {
            content.transferTo(writer.output());
            return writer.commit();
        }
    }

    Optional<BlobContent> find(BlobKey key) throws IOException;

    boolean contains(BlobKey key) throws IOException;

    /**
     * The blob as a local file, when the store keeps it in one, so it can be sent with {@code sendfile}; empty for
     * stores that do not (S3) or when the blob is missing.
     */
    default Optional<Path> localFile(BlobKey key) {
        return Optional.empty();
    }

    /** Removes a blob; callers first make sure no row references it. Answers whether there was one. */
    boolean delete(BlobKey key) throws IOException;

    /** Re-reads a blob and checks it still hashes to its key; false if it is missing or changed. */
    boolean verify(BlobKey key) throws IOException;

    /** Throws, saying what is wrong, when the store cannot take writes (missing or read-only folder, bucket gone). */
    void checkWritable() throws IOException;
}
