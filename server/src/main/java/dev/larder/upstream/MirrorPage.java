package dev.larder.upstream;

import java.time.Instant;

/** A mirror's page as served: the upstream project, and whether it is stale (upstream unreachable). */
public record MirrorPage(UpstreamProject project, boolean stale, Instant fetchedAt) {}
