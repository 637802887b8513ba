package dev.larder.index;

/** An index and its options. */
public record Index(long id, IndexName name, IndexConfig config) {

    public IndexType type() {
        return config.type();
    }
}
