package dev.larder.catalog;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** Bookkeeping of a blob the catalog refers to: its kind decides whether it may ever be evicted. */
@MappedEntity("blobs")
record BlobRow(@Id String sha256, long size, String kind, Instant createdAt, Instant lastAccess) {

    static final String UPLOADED = "uploaded";
    static final String CACHED = "cached";
}
