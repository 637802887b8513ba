package dev.larder.resolve;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.larder.catalog.ProjectChanged;
import dev.larder.index.Index;
import dev.larder.index.IndexesChanged;
import dev.larder.packaging.DistributionFilename;
import dev.larder.packaging.ProjectName;
import dev.larder.upstream.UpstreamPageChanged;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Merged projects, computed once and kept until something they depend on changes (SPEC §4, issue "speed at
 * scale"): an upload, yank or delete of the project anywhere, any index change, a new upstream page; or until a
 * mirror page they used expires or a file leaves the cooldown. Invalidation runs after the change commits, so a
 * page computed from the old state cannot outlive it.
 */
@Singleton
public class MergedProjects {

    /** Bounds memory by files held: a project of 20,000 files weighs 20,000. */
    private static final long MAX_CACHED_FILES = 2_000_000;

    private record Key(long indexId, String project) {}

    /** A computed merge, or its absence (the project is nowhere in the order), and until when it holds. */
    private record Entry(MergedProject project, Instant until) {}

    /** Absence is rechecked after this: a project may appear upstream without anything here changing. */
    private static final Duration ABSENCE_TTL = Duration.ofSeconds(60);

    private final ProjectResolver resolver;
    private final Clock clock;
    private final Cache<Key, Entry> cache = Caffeine.newBuilder()
            .maximumWeight(MAX_CACHED_FILES)
            .weigher((Key key, Entry entry) -> 1 + (entry.project() == null ? 0 : entry.project().files().size()))
            .build();

    MergedProjects(ProjectResolver resolver, Clock clock) {
        this.resolver = resolver;
        this.clock = clock;
    }

    public Optional<MergedProject> project(Index index, ProjectName project) {
        Key key = new Key(index.id(), project.value());
        Entry entry = cache.getIfPresent(key);
        Instant now = clock.instant();
        if (entry != null && (entry.until() == null || now.isBefore(entry.until()))) {
            return Optional.ofNullable(entry.project());
        }
        Optional<MergedProject> merged = resolver.resolve(index, project);
        cache.put(key, new Entry(merged.orElse(null),
                merged.isPresent() ? merged.get().validUntil() : now.plus(ABSENCE_TTL)));
        return merged;
    }

    /**
     * The file an index's URL names ({@code /+f/<key>/<filename>}), if the index shows it: only through an index
     * that can see a file is it served (SPEC §5).
     */
    Optional<MergedFile> file(Index index, String key, String filename) {
        for (ProjectName project : DistributionFilename.candidateProjects(filename)) {
            Optional<MergedFile> file = project(index, project).flatMap(merged -> merged.file(key, filename));
            if (file.isPresent()) {
                return file;
            }
        }
        return Optional.empty();
    }

    /** The file, or metadata file, an index's URL names ({@code /+f/<key>/<filename>}), if the index shows it. */
    public Optional<ShownFile> shown(Index index, String key, String filename) {
        return shown(filename, name -> file(index, key, name));
    }

    /** As {@link #shown}, from memory only: empty whenever answering would need a computation. */
    public Optional<ShownFile> cachedShown(Index index, String key, String filename) {
        return shown(filename, name -> cachedFile(index, key, name));
    }

    private static Optional<ShownFile> shown(String filename, Function<String, Optional<MergedFile>> lookup) {
        Optional<MergedFile> file = lookup.apply(filename);
        if (file.isPresent() || !filename.endsWith(ShownFile.METADATA_SUFFIX)) {
            return file.map(f -> new ShownFile(f, false));
        }
        return lookup.apply(filename.substring(0, filename.length() - ShownFile.METADATA_SUFFIX.length()))
                .map(f -> new ShownFile(f, true));
    }

    /** As {@link #project}, from memory only: empty whenever answering would need a computation. */
    public Optional<MergedProject> cachedProject(Index index, ProjectName project) {
        Entry entry = cache.getIfPresent(new Key(index.id(), project.value()));
        if (entry == null || entry.project() == null
                || (entry.until() != null && !clock.instant().isBefore(entry.until()))) {
            return Optional.empty();
        }
        return Optional.of(entry.project());
    }

    /** As {@link #file}, from memory only: empty whenever answering would need a computation. */
    Optional<MergedFile> cachedFile(Index index, String key, String filename) {
        Instant now = clock.instant();
        for (ProjectName project : DistributionFilename.candidateProjects(filename)) {
            Entry entry = cache.getIfPresent(new Key(index.id(), project.value()));
            if (entry == null || entry.project() == null || (entry.until() != null && !now.isBefore(entry.until()))) {
                continue;
            }
            Optional<MergedFile> file = entry.project().file(key, filename);
            if (file.isPresent()) {
                return file;
            }
        }
        return Optional.empty();
    }

    @TransactionalEventListener
    void onProjectChanged(ProjectChanged event) {
        forgetProject(event.project());
    }

    @EventListener
    void onUpstreamPageChanged(UpstreamPageChanged event) {
        forgetProject(event.project());
    }

    @TransactionalEventListener
    void onIndexesChanged(IndexesChanged event) {
        cache.invalidateAll();
    }

    /** Any index may inherit from the one that changed, so every index's view of the project goes. */
    private void forgetProject(ProjectName project) {
        cache.asMap().keySet().removeIf(key -> key.project().equals(project.value()));
    }
}
