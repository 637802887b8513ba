package dev.larder.simple;

import dev.larder.catalog.ProjectSummary;
import dev.larder.packaging.ProjectName;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The project list of an index that inherits (SPEC §4): the union of the names of every index in its resolution
 * order. The stages' names are few and held in memory; a mirror's (PyPI's ~700,000) are streamed from its names
 * file, so the union is never built in memory.
 *
 * @param partial true when a mirror's list was not fetched yet and is missing from the union
 */
record RootListing(List<ProjectSummary> stageProjects, List<Path> mirrorNames, String etag, boolean partial) {

    @FunctionalInterface
    interface Sink {
        void project(String normalized, String displayName) throws IOException;
    }

    /** Every name once: stages first, then each mirror's names not seen yet. */
    void forEach(Sink sink) throws IOException {
        Set<String> stageNames = new HashSet<>();
        for (ProjectSummary project : stageProjects) {
            if (stageNames.add(project.name().value())) {
                sink.project(project.name().value(), project.displayName());
            }
        }
        // Deduplicating across several mirrors would need every name in memory; one mirror is the usual case.
        Set<String> seenInMirrors = mirrorNames.size() > 1 ? new HashSet<>() : null;
        for (Path names : mirrorNames) {
            try (BufferedReader in = Files.newBufferedReader(names, StandardCharsets.UTF_8)) {
                for (String name = in.readLine(); name != null; name = in.readLine()) {
                    if (!ProjectName.isValid(name)) {
                        continue;
                    }
                    String normalized = new ProjectName(name).value();
                    if (!stageNames.contains(normalized) && (seenInMirrors == null || seenInMirrors.add(normalized))) {
                        sink.project(normalized, name);
                    }
                }
            }
        }
    }
}
