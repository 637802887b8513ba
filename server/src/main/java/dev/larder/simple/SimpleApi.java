package dev.larder.simple;

import dev.larder.catalog.Catalog;
import dev.larder.catalog.ProjectSummary;
import dev.larder.catalog.ProjectView;
import dev.larder.catalog.ReleaseFile;
import dev.larder.catalog.ReleaseView;
import dev.larder.index.Index;
import dev.larder.index.IndexType;
import dev.larder.packaging.DistributionFilename;
import dev.larder.packaging.ProjectName;
import dev.larder.platform.ProblemException;
import dev.larder.upstream.MirrorFileKeys;
import dev.larder.upstream.MirrorPage;
import dev.larder.upstream.MirrorPages;
import dev.larder.upstream.UpstreamFile;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the simple pages of an index list: a stage its own projects and files, a mirror upstream's (SPEC §6), with
 * file links rewritten to this server.
 */
@Singleton
public class SimpleApi {

    /** PEP 629/700: every file has {@code size} and every JSON page {@code versions}. */
    static final String API_VERSION = "1.1";

    private final Catalog catalog;
    private final MirrorPages mirrors;

    SimpleApi(Catalog catalog, MirrorPages mirrors) {
        this.catalog = catalog;
        this.mirrors = mirrors;
    }

    /** A project name from a URL; one that is not valid names no project of this index: 404. */
    public static ProjectName projectName(String project, Index index) {
        if (!ProjectName.isValid(project)) {
            throw ProblemException.notFound("Project '" + project + "' is not in index '" + index.name()
                    + "': that is not a valid project name.");
        }
        return new ProjectName(project);
    }

    /** The projects of a stage; a mirror's list is upstream's, served from {@code MirrorRoots}. */
    List<ProjectSummary> projects(Index index) {
        return catalog.projects(index);
    }

    Optional<SimpleProject> project(Index index, ProjectName name) {
        if (index.type() == IndexType.MIRROR) {
            return mirrors.project(index, name).map(page -> toSimple(name, page));
        }
        return catalog.project(index, name).map(SimpleApi::toSimple);
    }

    private static SimpleProject toSimple(ProjectName name, MirrorPage page) {
        List<SimpleFile> files = page.project().files().stream().map(SimpleApi::toSimple).toList();
        List<String> versions = page.project().versions().isEmpty() ? versionsOf(name, page.project().files())
                : page.project().versions();
        return new SimpleProject(name, files, versions, page.stale());
    }

    /** HTML pages carry no versions (PEP 700 is JSON only): take them from the filenames, as pip does. */
    private static List<String> versionsOf(ProjectName name, List<UpstreamFile> files) {
        return files.stream().flatMap(file -> {
            try {
                return Stream.of(DistributionFilename.parseForProject(file.filename(), name).version());
            } catch (IllegalArgumentException e) {
                return Stream.empty();
            }
        }).distinct().sorted().map(Object::toString).toList();
    }

    private static SimpleFile toSimple(UpstreamFile file) {
        return new SimpleFile(file.filename(), fileUrl(MirrorFileKeys.keyOf(file), file.filename()), file.sha256(),
                file.requiresPython(), file.yanked(), file.yanked() ? file.yankedReason() : null,
                file.coreMetadata(), file.coreMetadataSha256(), file.size(), file.uploadTime());
    }

    private static SimpleProject toSimple(ProjectView view) {
        List<SimpleFile> files = view.files().map(SimpleApi::toSimple).toList();
        List<String> versions = view.releases().stream().map(ReleaseView::version).map(Object::toString)
                .distinct().toList();
        return new SimpleProject(view.name(), files, versions, false);
    }

    private static SimpleFile toSimple(ReleaseFile file) {
        return new SimpleFile(file.filename(), fileUrl(file.digests().sha256(), file.filename()),
                file.digests().sha256(), file.requiresPython(), file.yanked(),
                file.yanked() ? file.yankedReason() : null, file.hasCoreMetadata(), file.coreMetadataSha256(),
                file.size(), file.uploadTime());
    }

    /** Relative to {@code /{user}/{index}/+simple/{project}/}, so it survives proxies and changed host names. */
    static String fileUrl(String key, String filename) {
        return "../../+f/" + key + "/" + FileUrls.encodePathSegment(filename);
    }
}
