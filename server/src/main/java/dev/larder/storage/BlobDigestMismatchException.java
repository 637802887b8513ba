package dev.larder.storage;

/** The bytes written do not hash to the sha256 the writer expected; nothing was stored. */
public final class BlobDigestMismatchException extends Exception {

    private final BlobKey expected;
    private final BlobKey actual;

    public BlobDigestMismatchException(BlobKey expected, BlobKey actual) {
        super("sha256 mismatch: expected " + expected + " but the bytes hash to " + actual + "; nothing was stored.");
        this.expected = expected;
        this.actual = actual;
    }

    public BlobKey expected() {
        return expected;
    }

    public BlobKey actual() {
        return actual;
    }
}
