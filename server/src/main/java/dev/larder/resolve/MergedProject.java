package dev.larder.resolve;

import dev.larder.packaging.ProjectName;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A project as one index shows it, merged from the index and everything it inherits.
 *
 * @param stale true when a mirror that contributes could not reach upstream and served its last page
 * @param validUntil when this merge must be computed again even if nothing changes here (a mirror page expires,
 *     a file leaves the cooldown); null for never
 * @param filesByName the same files by filename (unique in a merge: the first index in the order wins), so that a
 *     download finds its file in one lookup however many files the project has
 */
public record MergedProject(ProjectName name, List<MergedFile> files, List<String> versions, boolean stale,
                            Instant validUntil, Explanation explanation, Map<String, MergedFile> filesByName) {

    public MergedProject(ProjectName name, List<MergedFile> files, List<String> versions, boolean stale,
                         Instant validUntil, Explanation explanation) {
        this(name, files, versions, stale, validUntil, explanation, byName(files));
    }

    /** The file a URL names by its key and filename, if this merge shows it. */
    public Optional<MergedFile> file(String key, String filename) {
        MergedFile file = filesByName.get(filename);
        return file != null && file.key().equals(key) ? Optional.of(file) : Optional.empty();
    }

    private static Map<String, MergedFile> byName(List<MergedFile> files) {
        Map<String, MergedFile> byName = new HashMap<>(files.size() * 4 / 3 + 1);
        files.forEach(file -> byName.putIfAbsent(file.filename(), file));
        return Map.copyOf(byName);
    }
}
