package dev.larder.blobs;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** Bookkeeping of one stored blob: its kind decides whether it may ever be evicted. */
@MappedEntity("blobs")
record BlobRow(@Id String sha256, long size, String kind, Instant createdAt, Instant lastAccess) {}
