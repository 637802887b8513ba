package dev.larder.upstream;

import java.time.Instant;

/**
 * A mirror's page as served: the upstream project, whether it is stale (upstream unreachable), and until when it
 * may be used before upstream is asked again.
 */
public record MirrorPage(UpstreamProject project, boolean stale, Instant fetchedAt, Instant freshUntil) {}
