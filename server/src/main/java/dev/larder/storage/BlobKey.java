package dev.larder.storage;

import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** The address of a blob: the lowercase hex sha256 of its bytes. */
public record BlobKey(String sha256) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public BlobKey {
        if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("Invalid sha256 '" + sha256 + "': expected 64 lowercase hex digits.");
        }
    }

    /** Accepts upper-case hex too, as clients send either; throws for anything that is not a sha256. */
    public static BlobKey parse(String hex) {
        return new BlobKey(hex == null ? null : hex.toLowerCase(Locale.ROOT));
    }

    public static boolean isValid(String hex) {
        return hex != null && SHA256_HEX.matcher(hex.toLowerCase(Locale.ROOT)).matches();
    }

    static BlobKey of(byte[] sha256) {
        return new BlobKey(HexFormat.of().formatHex(sha256));
    }

    @Override
    public String toString() {
        return sha256;
    }
}
