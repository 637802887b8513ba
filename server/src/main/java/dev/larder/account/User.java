package dev.larder.account;

import java.time.Instant;

/** A user as the rest of the server sees it; the password hash stays inside this package. */
public record User(long id, UserName name, String email, Instant createdAt) {}
