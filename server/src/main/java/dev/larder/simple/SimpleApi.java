package dev.larder.simple;

import dev.larder.catalog.Catalog;
import dev.larder.catalog.ProjectSummary;
import dev.larder.catalog.ProjectView;
import dev.larder.catalog.ReleaseFile;
import dev.larder.catalog.ReleaseView;
import dev.larder.index.Index;
import dev.larder.index.IndexType;
import dev.larder.packaging.ProjectName;
import dev.larder.platform.ProblemException;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * What the simple pages of an index list. A stage lists its own projects and files; pages of mirror indexes are
 * served once upstream mirroring exists (the mirror issue): until then a mirror lists nothing.
 */
@Singleton
public class SimpleApi {

    /** PEP 629/700: every file has {@code size} and every JSON page {@code versions}. */
    static final String API_VERSION = "1.1";

    private final Catalog catalog;

    SimpleApi(Catalog catalog) {
        this.catalog = catalog;
    }

    /** A project name from a URL; one that is not valid names no project of this index: 404. */
    public static ProjectName projectName(String project, Index index) {
        if (!ProjectName.isValid(project)) {
            throw ProblemException.notFound("Project '" + project + "' is not in index '" + index.name()
                    + "': that is not a valid project name.");
        }
        return new ProjectName(project);
    }

    List<ProjectSummary> projects(Index index) {
        return index.type() == IndexType.STAGE ? catalog.projects(index) : List.of();
    }

    Optional<SimpleProject> project(Index index, ProjectName name) {
        if (index.type() != IndexType.STAGE) {
            return Optional.empty();
        }
        return catalog.project(index, name).map(SimpleApi::toSimple);
    }

    private static SimpleProject toSimple(ProjectView view) {
        List<SimpleFile> files = view.files().map(SimpleApi::toSimple).toList();
        List<String> versions = view.releases().stream().map(ReleaseView::version).map(Object::toString)
                .distinct().toList();
        return new SimpleProject(view.name(), files, versions);
    }

    private static SimpleFile toSimple(ReleaseFile file) {
        return new SimpleFile(file.filename(), fileUrl(file.digests().sha256(), file.filename()),
                file.digests().sha256(), file.requiresPython(), file.yanked(),
                file.yanked() ? file.yankedReason() : null, file.coreMetadataSha256(), file.size(), file.uploadTime());
    }

    /** Relative to {@code /{user}/{index}/+simple/{project}/}, so it survives proxies and changed host names. */
    static String fileUrl(String sha256, String filename) {
        return "../../+f/" + sha256 + "/" + FileUrls.encodePathSegment(filename);
    }
}
