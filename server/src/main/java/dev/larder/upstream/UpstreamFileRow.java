package dev.larder.upstream;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("upstream_files")
record UpstreamFileRow(
        @Id @GeneratedValue @Nullable Long id,
        long pageId,
        long indexId,
        String fileKey,
        String filename,
        String url,
        @Nullable String sha256,
        @Nullable Long size,
        boolean hasMetadata,
        @Nullable String metadataSha256) {

    UpstreamFileRow withSha256(String computed) {
        return new UpstreamFileRow(id, pageId, indexId, fileKey, filename, url, computed, size, hasMetadata,
                metadataSha256);
    }
}
