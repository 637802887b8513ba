package dev.larder.index;

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

/** One row of {@code indexes}; its bases are rows of {@code index_bases}, in order. */
@MappedEntity("indexes")
record IndexRow(
        @Id @GeneratedValue @Nullable Long id,
        long ownerId,
        String name,
        String type,
        boolean volatileIndex,
        @TypeDef(type = DataType.STRING) @MappedProperty(converter = StringListColumn.class) List<String> aclUpload,
        @TypeDef(type = DataType.STRING) @MappedProperty(converter = StringListColumn.class) List<String> aclRead,
        @TypeDef(type = DataType.STRING) @MappedProperty(converter = StringListColumn.class) List<String> mirrorWhitelist,
        @Nullable String mirrorUrl,
        long mirrorCacheExpiry,
        long upstreamMinAge,
        String title,
        String description,
        Instant createdAt,
        Instant updatedAt) {}
