package dev.larder.storage;

import java.io.IOException;
import java.io.InputStream;

/** A stored blob, ready to be read whole or in part. */
public interface BlobContent {

    BlobKey key();

    long size();

    InputStream open() throws IOException;

    /** The bytes from {@code offset}, {@code length} of them; serves HTTP range requests without reading the rest. */
    InputStream open(long offset, long length) throws IOException;
}
