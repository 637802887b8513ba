package dev.larder.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.time.Instant;
import java.util.List;

/** A token just created: the only time its secret is shown. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record NewToken(String id, String token, String scope, @Nullable List<String> indexes,
                       @Nullable Instant expiresAt) {}
