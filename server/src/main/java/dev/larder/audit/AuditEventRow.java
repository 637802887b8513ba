package dev.larder.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("audit_events")
record AuditEventRow(
        @Id @GeneratedValue @Nullable Long id,
        Instant at,
        @Nullable String actor,
        @Nullable String address,
        String action,
        @Nullable String target,
        @Nullable String detail) {}
