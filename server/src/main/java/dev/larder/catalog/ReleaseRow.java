package dev.larder.catalog;

import dev.larder.platform.StringListColumn;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.List;

@MappedEntity("releases")
record ReleaseRow(
        @Id @GeneratedValue @Nullable Long id,
        long projectId,
        String version,
        String releaseKey,
        @Nullable String summary,
        @Nullable String requiresPython,
        @TypeDef(type = DataType.STRING) @MappedProperty(converter = StringListColumn.class) List<String> requiresDist,
        @Nullable String metadataJson,
        @Nullable String description,
        @Nullable String descriptionContentType,
        boolean yanked,
        @Nullable String yankedReason,
        Instant createdAt) {

    ReleaseRow withYanked(boolean isYanked, String reason) {
        return new ReleaseRow(id, projectId, version, releaseKey, summary, requiresPython, requiresDist, metadataJson,
                description, descriptionContentType, isYanked, isYanked ? reason : null, createdAt);
    }
}
