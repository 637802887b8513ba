package dev.larder.index;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** "Index {@code indexId} inherits from {@code baseId}", at {@code position} in its list of bases. */
@MappedEntity("index_bases")
record IndexBaseRow(@Id @GeneratedValue @Nullable Long id, long indexId, int position, long baseId) {}
