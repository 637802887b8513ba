package dev.larder.blobs;

import java.util.Locale;

/** Why a blob is stored: uploaded bytes are kept for good; bytes cached from upstream may be evicted. */
public enum BlobKind {
    UPLOADED, CACHED;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
