package dev.larder.catalog;

import dev.larder.packaging.ProjectName;
import java.time.Instant;

/** A release as a feed of new releases shows it. */
public record RecentRelease(long indexId, ProjectName project, String displayName, String version, String summary,
                            boolean yanked, Instant createdAt) {}
