package dev.larder.catalog;

import dev.larder.account.Accounts;
import dev.larder.account.User;
import dev.larder.blobs.BlobKind;
import dev.larder.blobs.BlobRecords;
import dev.larder.index.Index;
import dev.larder.index.IndexName;
import dev.larder.index.Indexes;
import dev.larder.packaging.DistributionFilename;
import dev.larder.packaging.LatestVersion;
import dev.larder.packaging.ProjectName;
import dev.larder.packaging.Version;
import dev.larder.platform.ProblemException;
import dev.larder.storage.Digests;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which projects, releases and files each stage index holds, and the rules for changing them (SPEC §2, §7):
 * a filename is unique in an index; the same bytes again change nothing; other bytes are refused unless the index
 * is volatile; a filename deleted from a non-volatile index is never used again. Every change publishes a
 * {@link ProjectChanged}, which listeners receive once it has committed.
 */
@Singleton
public class Catalog {

    private static final Argument<Map<String, List<String>>> METADATA_MAP =
            Argument.mapOf(Argument.STRING, Argument.listOf(String.class));

    private final CatalogRepositories.Projects projects;
    private final CatalogRepositories.Releases releases;
    private final CatalogRepositories.Files files;
    private final BlobRecords blobs;
    private final CatalogRepositories.RetiredFilenames retired;
    private final Indexes indexes;
    private final Accounts accounts;
    private final ObjectMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher<ProjectChanged> events;
    private final CatalogQueries queries;

    Catalog(CatalogRepositories.Projects projects, CatalogRepositories.Releases releases,
            CatalogRepositories.Files files, BlobRecords blobs,
            CatalogRepositories.RetiredFilenames retired, Indexes indexes, Accounts accounts, ObjectMapper json,
            Clock clock, ApplicationEventPublisher<ProjectChanged> events, CatalogQueries queries) {
        this.projects = projects;
        this.releases = releases;
        this.files = files;
        this.blobs = blobs;
        this.retired = retired;
        this.indexes = indexes;
        this.accounts = accounts;
        this.json = json;
        this.clock = clock;
        this.events = events;
        this.queries = queries;
    }

    /**
     * Adds a file whose bytes are already stored. The release is created from {@code metadata} if it is new;
     * a later file of the same release does not change it.
     */
    @Transactional
    public AddedFile addFile(Index index, User uploader, ReleaseMetadata metadata, NewFile file) {
        String filename = file.filename().filename();
        Optional<FileRow> existing = files.findByIndexIdAndFilename(index.id(), filename);
        boolean replacing = false;
        if (existing.isPresent()) {
            if (existing.get().sha256().equals(file.digests().sha256())) {
                return new AddedFile.Unchanged(toReleaseFile(index, existing.get()));
            }
            if (!index.config().volatileIndex()) {
                throw ProblemException.conflict("File already exists ('" + filename + "', with blake2_256 hash '"
                        + existing.get().blake2b256() + "'). Index '" + index.name() + "' is not volatile, so a file"
                        + " once uploaded cannot be replaced: upload it under a new version.");
            }
            files.delete(existing.get());
            replacing = true;
        } else if (!index.config().volatileIndex() && retired.existsByIndexIdAndFilename(index.id(), filename)) {
            throw ProblemException.conflict("File name has been previously used: '" + filename + "' was deleted from"
                    + " index '" + index.name() + "', which is not volatile, so the name can never be used again."
                    + " Upload it under a new version.");
        }
        Instant now = clock.instant();
        ProjectRow project = project(index, file.filename().project(), metadata.displayName(), now);
        ReleaseRow release = release(project, file.filename().version(), metadata, now);
        blobs.register(file.digests().sha256(), file.size(), BlobKind.UPLOADED);
        if (file.coreMetadataSha256() != null) {
            blobs.register(file.coreMetadataSha256(), file.coreMetadataSize(), BlobKind.UPLOADED);
        }
        FileRow row = files.save(new FileRow(null, release.id(), index.id(), filename, file.packagetype(),
                file.pythonVersion(), file.digests().sha256(), file.digests().md5(), file.digests().blake2b256(),
                file.size(), file.requiresPython(), file.comment(), file.coreMetadataSha256(), uploader.id(), now));
        ReleaseFile added = toReleaseFile(index, row, release, uploader.name().value());
        events.publishEvent(new ProjectChanged(index.id(), file.filename().project()));
        return replacing ? new AddedFile.Replaced(added) : new AddedFile.Added(added);
    }

    /** The projects of a stage index, by normalized name. */
    public List<ProjectSummary> projects(Index index) {
        return projects.findByIndexIdOrderByName(index.id()).stream()
                .map(row -> new ProjectSummary(new ProjectName(row.name()), row.displayName()))
                .toList();
    }

    /** The project's names and latest release, without its files: what lists need. */
    public Optional<ProjectHead> head(Index index, ProjectName name) {
        return projects.findByIndexIdAndName(index.id(), name.value()).map(row -> {
            List<ReleaseRow> rows = releases.findByProjectId(row.id());
            Map<Version, ReleaseRow> byVersion = new HashMap<>();
            rows.forEach(release -> byVersion.put(Version.parse(release.version()), release));
            Optional<Version> latest = LatestVersion.of(byVersion.keySet(), v -> byVersion.get(v).yanked());
            return new ProjectHead(row.id(), name, row.displayName(), latest.orElse(null),
                    latest.map(v -> byVersion.get(v).summary()).orElse(null));
        });
    }

    /** The newest files uploaded to these stages, newest first. */
    @Transactional(readOnly = true)
    public List<RecentUpload> recentUploads(List<Index> stages, int limit) {
        return queries.recentUploads(stages.stream().map(Index::id).toList(), limit);
    }

    /** The newest releases of these stages, of one project or ({@code project} null) of all, newest first. */
    @Transactional(readOnly = true)
    public List<RecentRelease> recentReleases(List<Index> stages, ProjectName project, int limit) {
        return queries.recentReleases(stages.stream().map(Index::id).toList(), project, limit);
    }

    public Optional<ProjectView> project(Index index, ProjectName name) {
        return projects.findByIndexIdAndName(index.id(), name.value()).map(row -> view(index, row));
    }

    /** The name a project was last uploaded under ({@code Foo_Bar} for {@code foo-bar}). */
    public Optional<String> displayName(Index index, ProjectName name) {
        return projects.findByIndexIdAndName(index.id(), name.value()).map(ProjectRow::displayName);
    }

    /** One release of a project with its files, without reading the project's other releases. */
    public Optional<ReleaseView> release(Index index, ProjectName name, Version version) {
        return projects.findByIndexIdAndName(index.id(), name.value())
                .flatMap(project -> releases.findByProjectIdAndReleaseKey(project.id(), version.releaseKey())
                        .map(release -> releaseView(index, project, release)));
    }

    /** A file of this index, by the sha256 and filename of its URL. */
    public Optional<ReleaseFile> file(Index index, String sha256, String filename) {
        return files.findByIndexIdAndSha256AndFilename(index.id(), sha256, filename)
                .map(row -> toReleaseFile(index, row));
    }

    public Optional<ReleaseFile> fileNamed(Index index, String filename) {
        return files.findByIndexIdAndFilename(index.id(), filename).map(row -> toReleaseFile(index, row));
    }

    /** Yanks ({@code yanked} true, with an optional reason) or un-yanks a release (PEP 592). */
    @Transactional
    public ReleaseView setYanked(Index index, ProjectName project, Version version, boolean yanked, String reason) {
        ProjectRow projectRow = requireProject(index, project);
        ReleaseRow release = requireRelease(index, projectRow, version);
        releases.update(release.withYanked(yanked, reason == null || reason.isBlank() ? null : reason));
        events.publishEvent(new ProjectChanged(index.id(), project));
        return releaseView(index, projectRow, releases.findById(release.id()).orElseThrow());
    }

    /**
     * Deletes a release and its files. In a non-volatile index their filenames are retired for good. The project
     * stays, so that it keeps shadowing upstream (SPEC §4.2). Blobs stay until no file refers to them.
     */
    @Transactional
    public List<String> deleteRelease(Index index, ProjectName project, Version version) {
        ProjectRow projectRow = requireProject(index, project);
        ReleaseRow release = requireRelease(index, projectRow, version);
        List<String> filenames = new ArrayList<>();
        Instant now = clock.instant();
        for (FileRow file : files.findByReleaseId(release.id())) {
            filenames.add(file.filename());
            if (!index.config().volatileIndex()) {
                retired.save(new RetiredFilenameRow(null, index.id(), file.filename(), now));
            }
        }
        releases.delete(release);
        events.publishEvent(new ProjectChanged(index.id(), project));
        return filenames;
    }

    /** Copies a release and its files into another stage, as if uploaded there by {@code pusher}. */
    @Transactional
    public ReleaseView push(Index source, ProjectName project, Version version, Index target, User pusher) {
        ProjectRow projectRow = requireProject(source, project);
        ReleaseView release = releaseView(source, projectRow, requireRelease(source, projectRow, version));
        ReleaseMetadata metadata = release.metadata().withDisplayName(projectRow.displayName());
        for (ReleaseFile file : release.files()) {
            addFile(target, pusher, metadata, new NewFile(
                    DistributionFilename.parseForProject(file.filename(), project),
                    file.packagetype(), file.pythonVersion(), file.digests(), file.size(), file.requiresPython(),
                    file.comment(), file.coreMetadataSha256(), metadataSize(file)));
        }
        if (release.yanked()) {
            setYanked(target, project, version, true, release.yankedReason());
        }
        return project(target, project).orElseThrow().releases().stream()
                .filter(r -> r.version().equals(version)).findFirst().orElseThrow();
    }

    private long metadataSize(ReleaseFile file) {
        return file.coreMetadataSha256() == null ? 0
                : blobs.size(file.coreMetadataSha256()).orElse(0L);
    }

    private ProjectRow requireProject(Index index, ProjectName project) {
        return projects.findByIndexIdAndName(index.id(), project.value()).orElseThrow(() ->
                ProblemException.notFound("Project '" + project + "' does not exist in index '" + index.name() + "'."));
    }

    private ReleaseRow requireRelease(Index index, ProjectRow project, Version version) {
        return releases.findByProjectIdAndReleaseKey(project.id(), version.releaseKey()).orElseThrow(() ->
                ProblemException.notFound("Release " + project.name() + " " + version + " does not exist in index '"
                        + index.name() + "'."));
    }

    private ProjectRow project(Index index, ProjectName name, String displayName, Instant now) {
        Optional<ProjectRow> found = projects.findByIndexIdAndName(index.id(), name.value());
        if (found.isEmpty()) {
            return projects.save(new ProjectRow(null, index.id(), name.value(), displayName, now));
        }
        ProjectRow row = found.get();
        if (!row.displayName().equals(displayName)) {
            // PyPI keeps the display name of the latest upload whose name normalizes the same.
            return projects.update(new ProjectRow(row.id(), row.indexId(), row.name(), displayName, row.createdAt()));
        }
        return row;
    }

    private ReleaseRow release(ProjectRow project, Version version, ReleaseMetadata metadata, Instant now) {
        return releases.findByProjectIdAndReleaseKey(project.id(), version.releaseKey())
                .orElseGet(() -> releases.save(new ReleaseRow(null, project.id(), version.toString(),
                        version.releaseKey(), metadata.summary(), metadata.requiresPython(), metadata.requiresDist(),
                        writeJson(metadata.other()), metadata.description(), metadata.descriptionContentType(),
                        false, null, now)));
    }

    private ProjectView view(Index index, ProjectRow project) {
        List<ReleaseRow> rows = releases.findByProjectId(project.id());
        Map<Long, List<FileRow>> filesByRelease = new HashMap<>();
        if (!rows.isEmpty()) {
            for (FileRow file : files.findByReleaseIdInOrderByFilename(rows.stream().map(ReleaseRow::id).toList())) {
                filesByRelease.computeIfAbsent(file.releaseId(), id -> new ArrayList<>()).add(file);
            }
        }
        Map<Long, String> uploaders = new HashMap<>();
        List<ReleaseView> views = rows.stream()
                .map(release -> releaseView(index, release, filesByRelease.getOrDefault(release.id(), List.of()),
                        uploaders))
                .sorted(Comparator.comparing(ReleaseView::version))
                .toList();
        return new ProjectView(new ProjectName(project.name()), project.displayName(), views);
    }

    private ReleaseView releaseView(Index index, ProjectRow project, ReleaseRow release) {
        return releaseView(index, release, files.findByReleaseIdInOrderByFilename(List.of(release.id())),
                new HashMap<>());
    }

    private ReleaseView releaseView(Index index, ReleaseRow release, List<FileRow> rows, Map<Long, String> uploaders) {
        List<ReleaseFile> releaseFiles = rows.stream()
                .map(row -> toReleaseFile(index, row, release, uploaderName(row.uploaderId(), uploaders)))
                .toList();
        return new ReleaseView(Version.parse(release.version()), metadataOf(release), release.yanked(),
                release.yankedReason(), release.createdAt(), releaseFiles);
    }

    private ReleaseMetadata metadataOf(ReleaseRow release) {
        return new ReleaseMetadata(null, release.summary(), release.requiresPython(),
                release.requiresDist() == null ? List.of() : release.requiresDist(), release.description(),
                release.descriptionContentType(), readJson(release.metadataJson()));
    }

    private String uploaderName(Long uploaderId, Map<Long, String> cache) {
        if (uploaderId == null) {
            return null;
        }
        return cache.computeIfAbsent(uploaderId, id -> accounts.find(id).map(u -> u.name().value()).orElse(null));
    }

    private ReleaseFile toReleaseFile(Index index, FileRow row) {
        ReleaseRow release = releases.findById(row.releaseId()).orElseThrow();
        return toReleaseFile(index, row, release, uploaderName(row.uploaderId(), new HashMap<>()));
    }

    private ReleaseFile toReleaseFile(Index index, FileRow row, ReleaseRow release, String uploader) {
        IndexName from = row.indexId() == index.id() ? index.name()
                : indexes.find(row.indexId()).map(Index::name).orElse(index.name());
        return new ReleaseFile(from, row.filename(), Version.parse(release.version()), row.packagetype(),
                row.pythonVersion(), new Digests(row.sha256(), row.md5(), row.blake2b256()), row.size(),
                row.requiresPython(), row.coreMetadataSha256(), row.uploadTime(), uploader, row.commentText(),
                release.yanked(), release.yankedReason());
    }

    private String writeJson(Map<String, List<String>> map) {
        try {
            return json.writeValueAsString(METADATA_MAP, map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, List<String>> readJson(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(text, METADATA_MAP);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable release metadata in the database: " + text, e);
        }
    }
}
