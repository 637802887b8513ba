package dev.larder.storage;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/** Passes bytes through while computing sha256, md5 and blake2b-256 in the same single pass, and counting them. */
final class DigestingOutputStream extends FilterOutputStream {

    private final MessageDigest sha256 = messageDigest("SHA-256");
    private final MessageDigest md5 = messageDigest("MD5");
    private final Blake2bDigest blake2b = new Blake2bDigest(256);
    private long size;

    DigestingOutputStream(OutputStream target) {
        super(target);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        sha256.update(bytes, offset, length);
        md5.update(bytes, offset, length);
        blake2b.update(bytes, offset, length);
        size += length;
    }

    long size() {
        return size;
    }

    /** Finishes the digests; call once, after the last byte. */
    Digests digests() {
        byte[] blake = new byte[blake2b.getDigestSize()];
        blake2b.doFinal(blake, 0);
        HexFormat hex = HexFormat.of();
        return new Digests(hex.formatHex(sha256.digest()), hex.formatHex(md5.digest()), hex.formatHex(blake));
    }

    private static MessageDigest messageDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks " + algorithm + ", which every Java SE runtime must have", e);
        }
    }
}
