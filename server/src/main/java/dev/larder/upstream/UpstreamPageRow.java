package dev.larder.upstream;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("upstream_pages")
record UpstreamPageRow(
        @Id @GeneratedValue @Nullable Long id,
        long indexId,
        String project,
        boolean found,
        @Nullable String etag,
        @Nullable String lastModified,
        @Nullable Long serial,
        Instant fetchedAt,
        Instant checkedAt,
        @Nullable String page) {

    UpstreamPageRow checked(Instant at) {
        return new UpstreamPageRow(id, indexId, project, found, etag, lastModified, serial, fetchedAt, at, page);
    }
}
