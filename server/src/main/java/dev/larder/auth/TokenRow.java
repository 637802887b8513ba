package dev.larder.auth;

import dev.larder.platform.StringListColumn;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.List;

@MappedEntity("tokens")
record TokenRow(
        @Id String id,
        long userId,
        String secretHash,
        String scope,
        @Nullable @TypeDef(type = DataType.STRING) @MappedProperty(converter = StringListColumn.class) List<String> indexes,
        String description,
        Instant createdAt,
        @Nullable Instant expiresAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt) {

    TokenRow withLastUsedAt(Instant at) {
        return new TokenRow(id, userId, secretHash, scope, indexes, description, createdAt, expiresAt, at, revokedAt);
    }

    TokenRow withRevokedAt(Instant at) {
        return new TokenRow(id, userId, secretHash, scope, indexes, description, createdAt, expiresAt, lastUsedAt, at);
    }
}
