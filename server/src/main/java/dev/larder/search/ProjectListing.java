package dev.larder.search;

import dev.larder.index.Index;
import dev.larder.packaging.ProjectName;
import java.time.Instant;

/**
 * A project of a stage index as lists and search show it.
 *
 * @param latestVersion null once every release of it was deleted
 */
public record ProjectListing(Index index, ProjectName name, String displayName, String latestVersion, String summary,
                             Instant updatedAt) {}
