package dev.larder.web;

import dev.larder.auth.IndexAccess;
import dev.larder.catalog.Catalog;
import dev.larder.catalog.ReleaseFile;
import dev.larder.catalog.ReleaseMetadata;
import dev.larder.catalog.ReleaseView;
import dev.larder.index.Index;
import dev.larder.index.IndexName;
import dev.larder.index.IndexType;
import dev.larder.packaging.CoreMetadata;
import dev.larder.packaging.LatestVersion;
import dev.larder.packaging.ProjectName;
import dev.larder.packaging.Version;
import dev.larder.platform.ProblemException;
import dev.larder.platform.PublicUrls;
import dev.larder.resolve.MergedFile;
import dev.larder.resolve.MergedProject;
import dev.larder.resolve.MergedProjects;
import dev.larder.simple.FileUrls;
import dev.larder.storage.BlobContent;
import dev.larder.storage.BlobKey;
import dev.larder.storage.BlobStore;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a project page from what pip would see through the index (the merged project, so the page and the simple
 * API cannot disagree) and, for the shown version, the metadata of the first index in the order that holds it: a
 * stage's release, or for an upstream release the PEP 658 metadata file if Larder has fetched it.
 */
@Singleton
final class ProjectPages {

    private static final Pattern REQUIREMENT_NAME = Pattern.compile("^\\s*([A-Za-z0-9][A-Za-z0-9._-]*)");
    /** Upstream metadata files are small; one over this is not read for a page. */
    private static final long MAX_METADATA_BYTES = 4L * 1024 * 1024;

    private final IndexAccess access;
    private final MergedProjects merged;
    private final Catalog catalog;
    private final BlobStore blobs;
    private final Viewers viewers;

    ProjectPages(IndexAccess access, MergedProjects merged, Catalog catalog, BlobStore blobs, Viewers viewers) {
        this.access = access;
        this.merged = merged;
        this.catalog = catalog;
        this.blobs = blobs;
        this.viewers = viewers;
    }

    /** The page of {@code version}, or of the latest version when it is null. */
    ProjectPage page(HttpRequest<?> request, String user, String indexName, ProjectName name, String version) {
        Index index = access.readable(request, user, indexName);
        MergedProject project = merged.project(index, name).orElseThrow(() -> ProblemException.notFound("Project '"
                + name + "' is not in index '" + index.name() + "' nor in any index it inherits from."));
        Map<String, List<MergedFile>> filesByVersion = new LinkedHashMap<>();
        project.versions().forEach(v -> filesByVersion.put(v, new ArrayList<>()));
        for (MergedFile file : project.files()) {
            if (file.version() != null && filesByVersion.containsKey(file.version())) {
                filesByVersion.get(file.version()).add(file);
            }
        }
        Map<Version, String> canonical = new LinkedHashMap<>();
        project.versions().forEach(v -> canonical.put(Version.parse(v), v));
        Optional<Version> latest = LatestVersion.of(canonical.keySet(),
                v -> isYanked(filesByVersion.get(canonical.get(v))));
        String shown = version == null ? latest.map(canonical::get).orElse(null) : shownVersion(version, canonical,
                name, index);
        if (shown == null) {
            throw ProblemException.notFound("Project '" + name + "' has no release in index '" + index.name() + "'.");
        }
        List<MergedFile> files = filesByVersion.get(shown);
        Release release = release(index, name, Version.parse(shown), files);
        String latestVersion = latest.map(canonical::get).orElse(shown);
        boolean isLatest = shown.equals(latestVersion);

        List<ProjectPage.VersionLink> versions = new ArrayList<>();
        List<String> newestFirst = new ArrayList<>(project.versions());
        Collections.reverse(newestFirst);
        for (String v : newestFirst) {
            List<MergedFile> of = filesByVersion.get(v);
            versions.add(new ProjectPage.VersionLink(v, PageFormat.versionUrl(index.name(), name, v), isYanked(of),
                    yankedReason(of), v.equals(shown)));
        }
        List<ProjectPage.FileRow> rows = files.stream().map(f -> fileRow(index, f, release.files().get(f.filename())))
                .toList();
        String indexUrl = PageFormat.indexUrl(index.name());
        String simpleUrl = PublicUrls.base(request) + indexUrl + "+simple/";
        String install = "pip install --index-url " + simpleUrl + " " + release.displayName(name)
                + (isLatest ? "" : "==" + shown);
        ReleaseMetadata metadata = release.metadata();
        return new ProjectPage(viewers.viewer(request), index.name().toString(), indexUrl, release.displayName(name),
                shown, latestVersion, PageFormat.versionUrl(index.name(), name, latestVersion),
                metadata == null ? null : metadata.summary(),
                metadata == null ? Description.NONE
                        : DescriptionRenderer.render(metadata.description(), metadata.descriptionContentType()),
                metadata == null ? null : metadata.requiresPython(), install, isYanked(files), yankedReason(files),
                versions, rows, metadata == null ? List.of() : dependencies(index.name(), metadata.requiresDist()),
                metadata == null ? "Larder has not fetched the metadata of this upstream release yet: it arrives"
                        + " when pip (or anyone) asks for a file's .metadata or downloads it through this index."
                        : null,
                indexUrl + "+explain/" + name.value(), PageFormat.projectUrl(index.name(), name) + "+rss",
                simpleUrl + name.value() + "/", project.stale());
    }

    /** What the page knows of a release: the stage files' catalog entries and the release's metadata, if known. */
    private record Release(String displayName, ReleaseMetadata metadata, Map<String, ReleaseFile> files) {
        String displayName(ProjectName fallback) {
            return displayName == null ? fallback.value() : displayName;
        }
    }

    private Release release(Index index, ProjectName name, Version version, List<MergedFile> files) {
        Map<String, ReleaseFile> stageFiles = new HashMap<>();
        ReleaseMetadata metadata = null;
        String displayName = null;
        Map<Long, Index> stages = new LinkedHashMap<>();
        files.stream().map(MergedFile::from).filter(i -> i.type() == IndexType.STAGE)
                .forEach(i -> stages.putIfAbsent(i.id(), i));
        for (Index stage : stages.values()) {
            Optional<ReleaseView> view = catalog.release(stage, name, version);
            if (view.isPresent()) {
                view.get().files().forEach(f -> stageFiles.putIfAbsent(f.filename(), f));
                if (metadata == null) {
                    metadata = view.get().metadata();
                    displayName = catalog.displayName(stage, name).orElse(null);
                }
            }
        }
        if (metadata == null) {
            // Every file of the release comes from upstream.
            metadata = upstreamMetadata(files).orElse(null);
        }
        return new Release(displayName, metadata, stageFiles);
    }

    private Optional<ReleaseMetadata> upstreamMetadata(List<MergedFile> files) {
        for (MergedFile file : files) {
            if (file.coreMetadataSha256() == null) {
                continue;
            }
            try {
                Optional<BlobContent> blob = blobs.find(new BlobKey(file.coreMetadataSha256()));
                if (blob.isPresent() && blob.get().size() <= MAX_METADATA_BYTES) {
                    try (InputStream in = blob.get().open()) {
                        CoreMetadata core = CoreMetadata.parse(in.readAllBytes());
                        return Optional.of(new ReleaseMetadata(null, core.summary().orElse(null),
                                core.requiresPython().orElse(null), core.requiresDist(),
                                core.description().orElse(null), core.descriptionContentType().orElse(null),
                                Map.of()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the cached metadata of " + file.filename(), e);
            }
        }
        return Optional.empty();
    }

    private static String shownVersion(String asked, Map<Version, String> canonical, ProjectName name, Index index) {
        Optional<String> found = Version.isValid(asked) ? Optional.ofNullable(canonical.get(Version.parse(asked)))
                : Optional.empty();
        return found.orElseThrow(() -> ProblemException.notFound("Project '" + name + "' has no version '" + asked
                + "' in index '" + index.name() + "'."));
    }

    private static ProjectPage.FileRow fileRow(Index index, MergedFile file, ReleaseFile stageFile) {
        IndexName from = file.from().name();
        String origin = file.from().type() == IndexType.MIRROR ? "mirrored"
                : from.equals(index.name()) ? "uploaded here" : "inherited";
        String url = PageFormat.indexUrl(index.name()) + "+f/" + file.key() + "/"
                + FileUrls.encodePathSegment(file.filename());
        return new ProjectPage.FileRow(file.filename(), url, PageFormat.size(file.size()),
                PageFormat.time(file.uploadTime()), stageFile == null ? null : stageFile.uploader(),
                file.requiresPython(), from.toString(), origin, file.sha256(),
                stageFile == null ? null : stageFile.digests().blake2b256(),
                stageFile == null ? null : stageFile.digests().md5());
    }

    private static List<ProjectPage.Dependency> dependencies(IndexName index, List<String> requiresDist) {
        List<ProjectPage.Dependency> out = new ArrayList<>();
        for (String requirement : requiresDist) {
            Matcher m = REQUIREMENT_NAME.matcher(requirement);
            String url = m.find() && ProjectName.isValid(m.group(1))
                    ? PageFormat.projectUrl(index, new ProjectName(m.group(1))) : null;
            out.add(new ProjectPage.Dependency(requirement, url));
        }
        return out;
    }

    /** A version is yanked when every file of it is (PEP 592 yanks files; a stage yanks a release's files at once). */
    private static boolean isYanked(List<MergedFile> files) {
        return files != null && !files.isEmpty() && files.stream().allMatch(MergedFile::yanked);
    }

    private static String yankedReason(List<MergedFile> files) {
        return files == null ? null : files.stream().map(MergedFile::yankedReason)
                .filter(r -> r != null && !r.isBlank()).findFirst().orElse(null);
    }
}
