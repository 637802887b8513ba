package dev.larder.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("users")
record UserRow(
        @Id @GeneratedValue @Nullable Long id,
        String name,
        String passwordHash,
        @Nullable String email,
        Instant createdAt) {

    User toUser() {
        return new User(id, new UserName(name), email, createdAt);
    }
}
