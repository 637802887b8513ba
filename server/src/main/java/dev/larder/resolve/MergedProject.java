package dev.larder.resolve;

import dev.larder.packaging.ProjectName;
import java.time.Instant;
import java.util.List;

/**
 * A project as one index shows it, merged from the index and everything it inherits.
 *
 * @param stale true when a mirror that contributes could not reach upstream and served its last page
 * @param validUntil when this merge must be computed again even if nothing changes here (a mirror page expires,
 *     a file leaves the cooldown); null for never
 */
public record MergedProject(ProjectName name, List<MergedFile> files, List<String> versions, boolean stale,
                            Instant validUntil, Explanation explanation) {}
