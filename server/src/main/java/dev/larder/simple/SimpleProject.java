package dev.larder.simple;

import dev.larder.packaging.ProjectName;
import java.util.List;

/**
 * What a project page shows: its files and versions (versions may include some without files, PEP 700).
 *
 * @param stale true when upstream could not be reached and this is the last page fetched from it
 */
public record SimpleProject(ProjectName name, List<SimpleFile> files, List<String> versions, boolean stale) {

    /** PEP 700 (1.1) promises a size for every file; a page that cannot keep that promise claims 1.0. */
    public String apiVersion() {
        return files.stream().allMatch(file -> file.size() != null) ? SimpleApi.API_VERSION : "1.0";
    }
}
