package dev.larder.audit;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** One security event: who (a user name, or null for anonymous), from where, did what to what. */
@Serdeable
public record AuditEvent(long id, Instant at, String actor, String address, String action, String target,
                         String detail) {}
