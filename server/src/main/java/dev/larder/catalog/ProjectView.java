package dev.larder.catalog;

import dev.larder.packaging.ProjectName;
import java.util.List;
import java.util.stream.Stream;

/** A project as one index holds it: its releases, oldest version first, each with its files. */
public record ProjectView(ProjectName name, String displayName, List<ReleaseView> releases) {

    public Stream<ReleaseFile> files() {
        return releases.stream().flatMap(release -> release.files().stream());
    }
}
