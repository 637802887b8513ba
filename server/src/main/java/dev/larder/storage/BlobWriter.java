package dev.larder.storage;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A write in progress. Bytes go to {@link #output()}; {@link #commit()} makes them a blob, all at once; closing a
 * writer that was not committed discards what it wrote. Use with try-with-resources so a failure leaves nothing.
 */
public interface BlobWriter extends AutoCloseable {

    OutputStream output();

    /** Stores what was written under its sha256. Writing bytes the store already holds keeps the one copy. */
    StoredBlob commit() throws IOException;

    /** As {@link #commit()}, but stores nothing unless the bytes hash to {@code expected}. */
    StoredBlob commit(BlobKey expected) throws IOException, BlobDigestMismatchException;

    /** Discards an uncommitted write; does nothing after a commit. */
    @Override
    void close() throws IOException;
}
