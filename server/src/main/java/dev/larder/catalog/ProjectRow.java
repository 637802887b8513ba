package dev.larder.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("projects")
record ProjectRow(@Id @GeneratedValue @Nullable Long id, long indexId, String name, String displayName,
                  Instant createdAt) {}
