package dev.larder.upstream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Persists mirror pages and the files they list, so a restart keeps the cache and a mirror answers offline.
 * Each page is written with its file rows in one transaction.
 */
@Singleton
class MirrorPageStore {

    private final UpstreamRepositories.Pages pages;
    private final UpstreamRepositories.Files files;
    private final ObjectMapper json;
    /** Files known to be listed, for a few minutes: the warm download path then asks no database. */
    private final Cache<String, Boolean> listed = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(5)).maximumSize(100_000).build();

    MirrorPageStore(UpstreamRepositories.Pages pages, UpstreamRepositories.Files files, ObjectMapper json) {
        this.pages = pages;
        this.files = files;
        this.json = json;
    }

    Optional<CachedPage> load(long indexId, String project) {
        return pages.findByIndexIdAndProject(indexId, project).map(this::toCached);
    }

    /** Stores a page (or, with a null project, upstream's "not found") in place of the one held before. */
    @Transactional
    CachedPage save(long indexId, String projectName, UpstreamProject project, String etag, String lastModified,
                    Long serial, Instant at) {
        String body = project == null ? null : write(project);
        Optional<UpstreamPageRow> existing = pages.findByIndexIdAndProject(indexId, projectName);
        UpstreamPageRow row = new UpstreamPageRow(existing.map(UpstreamPageRow::id).orElse(null), indexId,
                projectName, project != null, etag, lastModified, serial, at, at, body);
        row = existing.isPresent() ? pages.update(row) : pages.save(row);
        files.deleteByPageId(row.id());
        if (project != null && !project.files().isEmpty()) {
            long pageId = row.id();
            // One batched insert: PyPI pages of popular projects list thousands of files.
            files.saveAll(project.files().stream().map(file -> new UpstreamFileRow(null, pageId, indexId,
                    MirrorFileKeys.keyOf(file), file.filename(), file.url(), file.sha256(), file.size(),
                    file.coreMetadata(), file.coreMetadataSha256())).toList());
        }
        return toCached(row);
    }

    /** Upstream confirmed the page (304, or nothing newer): it is fresh again from {@code at}. */
    @Transactional
    void markChecked(CachedPage page, Instant at) {
        pages.findById(page.rowId()).ifPresent(row -> pages.update(row.checked(at)));
    }

    /** Whether a page of this mirror lists the file; remembered, since a listed file stays listed for long. */
    boolean isListed(long indexId, String key, String filename) {
        String cacheKey = indexId + "/" + key + "/" + filename;
        if (listed.getIfPresent(cacheKey) != null) {
            return true;
        }
        boolean found = files.findByIndexIdAndFileKeyAndFilename(indexId, key, filename).isPresent();
        if (found) {
            listed.put(cacheKey, Boolean.TRUE);
        }
        return found;
    }

    Optional<UpstreamFileRow> file(long indexId, String key, String filename) {
        return files.findByIndexIdAndFileKeyAndFilename(indexId, key, filename);
    }

    /** Records the sha256 of a file upstream gave none for, learned when it was first downloaded. */
    @Transactional
    void recordSha256(UpstreamFileRow row, String sha256) {
        files.update(row.withSha256(sha256));
    }

    private CachedPage toCached(UpstreamPageRow row) {
        UpstreamProject project = row.found() ? read(row.page()) : null;
        return new CachedPage(row.id(), project, row.etag(), row.lastModified(), row.serial(), row.fetchedAt(),
                row.checkedAt());
    }

    private String write(UpstreamProject project) {
        try {
            return json.writeValueAsString(project);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private UpstreamProject read(String body) {
        try {
            return json.readValue(body, UpstreamProject.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable cached upstream page in the database", e);
        }
    }
}
