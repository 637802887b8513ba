package dev.larder.storage;

/** What a completed write put in the store: the key, the byte count and all three digests. */
public record StoredBlob(BlobKey key, long size, Digests digests) {}
