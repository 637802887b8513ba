package dev.larder.simple;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.larder.catalog.Catalog;
import dev.larder.catalog.ProjectSummary;
import dev.larder.index.Index;
import dev.larder.index.IndexType;
import dev.larder.index.Indexes;
import dev.larder.packaging.ProjectName;
import dev.larder.platform.ProblemException;
import dev.larder.platform.Sha256;
import dev.larder.resolve.MergedProject;
import dev.larder.resolve.MergedProjects;
import dev.larder.upstream.MirrorRoots;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the simple pages of an index list: a stage its own projects and files, a mirror upstream's (SPEC §6), with
 * file links rewritten to this server.
 */
@Singleton
public class SimpleApi {

    /** PEP 629/700: every file has {@code size} and every JSON page {@code versions}. */
    static final String API_VERSION = "1.1";

    private final Catalog catalog;
    private final MergedProjects merged;
    private final Indexes indexes;
    private final MirrorRoots roots;
    private final JsonRenderer json;
    /** Bounded by bytes held: a page of 20,000 files renders to a few megabytes. */
    private final Cache<RenderKey, Rendered> rendered = Caffeine.newBuilder()
            .maximumWeight(256L * 1024 * 1024)
            .weigher((RenderKey key, Rendered value) -> value.page().body().length)
            .build();

    SimpleApi(Catalog catalog, MergedProjects merged, Indexes indexes, MirrorRoots roots, JsonRenderer json) {
        this.catalog = catalog;
        this.merged = merged;
        this.indexes = indexes;
        this.roots = roots;
        this.json = json;
    }

    /** A project name from a URL; one that is not valid names no project of this index: 404. */
    public static ProjectName projectName(String project, Index index) {
        if (!ProjectName.isValid(project)) {
            throw ProblemException.notFound("Project '" + project + "' is not in index '" + index.name()
                    + "': that is not a valid project name.");
        }
        return new ProjectName(project);
    }

    /** The project list of a stage index: every name in its resolution order (SPEC §4). */
    RootListing root(Index index) {
        List<ProjectSummary> stageProjects = new ArrayList<>();
        List<Path> mirrorNames = new ArrayList<>();
        StringBuilder validators = new StringBuilder();
        boolean partial = false;
        for (Index source : indexes.resolutionOrder(index)) {
            if (source.type() == IndexType.STAGE) {
                for (ProjectSummary project : catalog.projects(source)) {
                    stageProjects.add(project);
                    validators.append(project.name().value()).append('\n');
                }
            } else {
                Optional<MirrorRoots.RootFile> names = roots.names(source);
                if (names.isPresent()) {
                    mirrorNames.add(names.get().path());
                    validators.append(names.get().etag()).append('\n');
                } else {
                    partial = true;
                }
            }
        }
        return new RootListing(stageProjects, mirrorNames, Sha256.hex(validators.toString()).substring(0, 32),
                partial);
    }

    /** A project page: the project merged across the index's resolution order (SPEC §4). */
    Optional<SimpleProject> project(Index index, ProjectName name) {
        return merged.project(index, name).map(SimpleApi::toSimple);
    }

    /** A page rendered in one form, with its ETag; {@code stale} when a mirror served its last good page. */
    public record RenderedPage(byte[] body, String etag, boolean stale) {}

    private record RenderKey(long indexId, String project, SimpleFormat format) {}

    /** The rendering, and the merged project it was made from: valid while that is still the current one. */
    private record Rendered(MergedProject source, RenderedPage page) {}

    /** As {@link #renderedProject}, from memory only: empty whenever answering would need a computation. */
    public Optional<RenderedPage> cachedRenderedProject(Index index, ProjectName name, SimpleFormat format) {
        Optional<MergedProject> current = merged.cachedProject(index, name);
        Rendered cached = current.isEmpty() ? null : rendered.getIfPresent(new RenderKey(index.id(), name.value(), format));
        return cached != null && cached.source() == current.get() ? Optional.of(cached.page()) : Optional.empty();
    }

    /**
     * The page of a project in one form. Rendering 20,000 files takes tens of milliseconds, so a rendering is kept
     * as long as the merged project it came from is the one {@link MergedProjects} holds (compared by identity:
     * any change there makes a new object).
     */
    Optional<RenderedPage> renderedProject(Index index, ProjectName name, SimpleFormat format) {
        Optional<MergedProject> current = merged.project(index, name);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        RenderKey key = new RenderKey(index.id(), name.value(), format);
        Rendered cached = rendered.getIfPresent(key);
        if (cached != null && cached.source() == current.get()) {
            return Optional.of(cached.page());
        }
        SimpleProject page = toSimple(current.get());
        byte[] body = format.isJson() ? json.project(page) : HtmlRenderer.project(page);
        RenderedPage result = new RenderedPage(body, "\"" + Sha256.hex(body).substring(0, 32) + "\"", page.stale());
        rendered.put(key, new Rendered(current.get(), result));
        return Optional.of(result);
    }

    static SimpleProject toSimple(MergedProject project) {
        List<SimpleFile> files = project.files().stream().map(file -> new SimpleFile(file.filename(),
                fileUrl(file.key(), file.filename()), file.sha256(), file.requiresPython(), file.yanked(),
                file.yanked() ? file.yankedReason() : null, file.coreMetadata(), file.coreMetadataSha256(),
                file.size(), file.uploadTime())).toList();
        return new SimpleProject(project.name(), files, project.versions(), project.stale());
    }


    /** Relative to {@code /{user}/{index}/+simple/{project}/}, so it survives proxies and changed host names. */
    static String fileUrl(String key, String filename) {
        return "../../+f/" + key + "/" + FileUrls.encodePathSegment(filename);
    }
}
