package dev.larder.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;

@MappedEntity("files")
record FileRow(
        @Id @GeneratedValue @Nullable Long id,
        long releaseId,
        long indexId,
        String filename,
        String packagetype,
        String pythonVersion,
        String sha256,
        String md5,
        @MappedProperty("blake2b_256") String blake2b256,
        long size,
        @Nullable String requiresPython,
        @Nullable String commentText,
        @Nullable String coreMetadataSha256,
        @Nullable Long uploaderId,
        Instant uploadTime) {}
