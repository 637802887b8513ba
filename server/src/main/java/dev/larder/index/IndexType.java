package dev.larder.index;

import java.util.Locale;

/** Fixed when an index is created (SPEC §1). */
public enum IndexType {
    /** Holds uploaded files and inherits from its bases. */
    STAGE,
    /** A read-only cache of an upstream simple index. */
    MIRROR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IndexType fromWireName(String text) {
        for (IndexType type : values()) {
            if (type.wireName().equals(text)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown index type '" + text + "': use 'stage' or 'mirror'.");
    }
}
