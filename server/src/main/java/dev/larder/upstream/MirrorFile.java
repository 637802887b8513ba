package dev.larder.upstream;

import dev.larder.storage.BlobContent;
import java.io.InputStream;

/** A mirror file ready to send: already in the blob store, or arriving from upstream right now. */
public sealed interface MirrorFile {

    /** The strong validator: the sha256 when known, else the file's key. */
    String etag();

    record Cached(BlobContent blob, String etag) implements MirrorFile {}

    /**
     * Bytes that follow an upstream download as it arrives; reading fails if the download does.
     *
     * @param size the length when upstream told it, else -1
     */
    record Arriving(InputStream stream, long size, String etag) implements MirrorFile {}

    /** Not fetched yet, but its size is known: enough to answer a HEAD request. */
    record Known(long size, String etag) implements MirrorFile {}
}
