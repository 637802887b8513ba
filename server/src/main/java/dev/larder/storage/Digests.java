package dev.larder.storage;

/**
 * The three digests the upload API and the simple API speak of, as lowercase hex: sha256 (the blob's key),
 * md5 (legacy upload field) and blake2b-256 (what twine sends and PyPI checks first).
 */
public record Digests(String sha256, String md5, String blake2b256) {

    public BlobKey key() {
        return new BlobKey(sha256);
    }
}
