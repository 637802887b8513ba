package dev.larder.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;

/**
 * A write in progress. Bytes go to {@link #output()}; {@link #seal()} ends the writing and tells the digests;
 * {@link #commit()} makes the bytes a blob, all at once. Closing a writer that was not committed discards what it
 * wrote: use it with try-with-resources so that a failure leaves nothing.
 */
public interface BlobWriter extends AutoCloseable {

    OutputStream output();

    /**
     * Ends the writing: the bytes are durable but not yet visible under their key. Answers their key, size and
     * digests. Calling it again answers the same.
     */
    StoredBlob seal() throws IOException;

    /**
     * Reads the bytes written so far while the writing goes on, for a download that streams to clients as it
     * arrives. The reader must not read past what it was told was flushed; the caller closes the channel.
     */
    SeekableByteChannel openWritten() throws IOException;

    /** Reads back the sealed bytes, e.g. to check an archive before it is published. The caller closes it. */
    SeekableByteChannel openSealed() throws IOException;

    /** Seals if needed and stores the bytes under their sha256; bytes the store already holds keep their one copy. */
    StoredBlob commit() throws IOException;

    /** As {@link #commit()}, but stores nothing unless the bytes hash to {@code expected}. */
    StoredBlob commit(BlobKey expected) throws IOException, BlobDigestMismatchException;

    /** Discards an uncommitted write; does nothing after a commit. */
    @Override
    void close() throws IOException;
}
