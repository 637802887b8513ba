package dev.larder.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.time.Instant;
import java.util.List;

/** A token as lists show it: never its secret. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record TokenInfo(String id, String user, String scope, @Nullable List<String> indexes, String description,
                        Instant createdAt, @Nullable Instant expiresAt, @Nullable Instant lastUsedAt,
                        @Nullable Instant revokedAt) {}
