package dev.larder.upstream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.larder.index.Index;
import dev.larder.packaging.ProjectName;
import dev.larder.platform.Problem;
import dev.larder.platform.ProblemException;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The project pages of mirror indexes (SPEC §6): fresh for the index's {@code mirror_cache_expiry}, then
 * revalidated; one upstream request however many callers ask for the same stale page; upstream's 404 remembered
 * briefly; and while upstream fails, the last good page, marked stale. Pages live in the database (a restart keeps
 * them) with a memory layer in front.
 */
@Singleton
public class MirrorPages {

    private static final Logger LOG = LoggerFactory.getLogger(MirrorPages.class);
    /** Bounds memory by files held, not pages: one page of numpy lists thousands. */
    private static final long MAX_CACHED_FILES = 2_000_000;

    private final UpstreamClient client;
    private final MirrorPageStore store;
    private final Clock clock;
    private final ApplicationEventPublisher<UpstreamPageChanged> events;
    private final Duration notFoundTtl;
    private final Duration retryAfterFailure;
    private final Cache<String, CachedPage> memory = Caffeine.newBuilder()
            .maximumWeight(MAX_CACHED_FILES)
            .weigher((String key, CachedPage page) -> 1 + (page.found() ? page.project().files().size() : 0))
            .build();
    /** Pages whose upstream just failed: not asked again until this expires, so a dead upstream costs nothing. */
    private final Cache<String, String> failures;
    private final ConcurrentHashMap<String, CompletableFuture<Optional<MirrorPage>>> inflight =
            new ConcurrentHashMap<>();

    MirrorPages(UpstreamClient client, MirrorPageStore store, Clock clock,
                ApplicationEventPublisher<UpstreamPageChanged> events,
                @Value("${larder.upstream.not-found-ttl}") Duration notFoundTtl,
                @Value("${larder.upstream.retry-after-failure}") Duration retryAfterFailure) {
        this.client = client;
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.notFoundTtl = notFoundTtl;
        this.retryAfterFailure = retryAfterFailure;
        this.failures = Caffeine.newBuilder().expireAfterWrite(retryAfterFailure).build();
    }

    /** The page of {@code project} on mirror {@code index}; empty when upstream has no such project. */
    public Optional<MirrorPage> project(Index index, ProjectName project) {
        String key = index.id() + "/" + project.value();
        CachedPage cached = cached(index, project);
        if (cached != null && isFresh(index, cached)) {
            return view(index, cached, false);
        }
        return revalidateOnce(key, () -> revalidate(index, project, key, cached, false));
    }

    /** Asks upstream now, whatever the page's age (the admin's refresh). */
    public Optional<MirrorPage> refresh(Index index, ProjectName project) {
        String key = index.id() + "/" + project.value();
        failures.invalidate(key);
        CachedPage cached = cached(index, project);
        return revalidateOnce(key, () -> revalidate(index, project, key, cached, true));
    }

    private CachedPage cached(Index index, ProjectName project) {
        String key = index.id() + "/" + project.value();
        CachedPage page = memory.getIfPresent(key);
        if (page == null) {
            page = store.load(index.id(), project.value()).orElse(null);
            if (page != null) {
                memory.put(key, page);
            }
        }
        return page;
    }

    private boolean isFresh(Index index, CachedPage page) {
        Duration ttl = page.found() ? Duration.ofSeconds(index.config().mirrorCacheExpirySeconds()) : notFoundTtl;
        return page.checkedAt().plus(ttl).isAfter(clock.instant());
    }

    private Optional<MirrorPage> revalidateOnce(String key, java.util.function.Supplier<Optional<MirrorPage>> work) {
        CompletableFuture<Optional<MirrorPage>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<MirrorPage>> running = inflight.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            Optional<MirrorPage> result = work.get();
            mine.complete(result);
            return result;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inflight.remove(key, mine);
        }
    }

    private Optional<MirrorPage> revalidate(Index index, ProjectName project, String key, CachedPage cached,
                                            boolean forced) {
        String failure = forced ? null : failures.getIfPresent(key);
        UpstreamPage answer = failure != null ? new UpstreamPage.Unavailable(failure)
                : client.fetchProject(UpstreamUrl.of(index.config().mirrorUrl()), project.value(),
                        cached != null && cached.found() ? cached.etag() : null,
                        cached != null && cached.found() ? cached.lastModified() : null);
        Instant now = clock.instant();
        if (answer instanceof UpstreamPage.Fetched fetched) {
            if (cached != null && cached.found() && cached.serial() != null && fetched.serial() != null
                    && fetched.serial() < cached.serial()) {
                // A CDN node behind the one we saw last: keep the newer page we have (protocol.md §7.3).
                return keep(index, key, cached, now);
            }
            CachedPage saved = store.save(index.id(), project.value(), fetched.project(), fetched.etag(),
                    fetched.lastModified(), fetched.serial(), now);
            memory.put(key, saved);
            events.publishEvent(new UpstreamPageChanged(index.id(), project));
            return view(index, saved, false);
        }
        if (answer instanceof UpstreamPage.NotModified && cached != null) {
            return keep(index, key, cached, now);
        }
        if (answer instanceof UpstreamPage.NotFound) {
            CachedPage saved = store.save(index.id(), project.value(), null, null, null, null, now);
            memory.put(key, saved);
            events.publishEvent(new UpstreamPageChanged(index.id(), project));
            return Optional.empty();
        }
        String reason = answer instanceof UpstreamPage.Unavailable unavailable ? unavailable.reason()
                : "upstream answered 304 to an unconditional request";
        if (failures.asMap().putIfAbsent(key, reason) == null) {
            LOG.warn("Mirror {} cannot reach upstream for '{}': {}; {}", index.name(), project, reason,
                    cached != null ? "serving the page fetched at " + cached.fetchedAt() : "nothing cached to serve");
        }
        if (cached == null) {
            throw new ProblemException(Problem.UPSTREAM_UNAVAILABLE, "Upstream " + UpstreamUrl.of(
                    index.config().mirrorUrl()) + " of mirror '" + index.name() + "' is unavailable (" + reason
                    + ") and project '" + project + "' was never fetched from it; try again when upstream is back.");
        }
        return view(index, cached, true);
    }

    private Optional<MirrorPage> keep(Index index, String key, CachedPage cached, Instant now) {
        store.markChecked(cached, now);
        CachedPage checked = cached.checked(now);
        memory.put(key, checked);
        return view(index, checked, false);
    }

    /** A stale page is good until upstream may be asked again; a fresh one until its expiry. */
    private Optional<MirrorPage> view(Index index, CachedPage page, boolean stale) {
        Instant freshUntil = stale ? clock.instant().plus(retryAfterFailure)
                : page.checkedAt().plusSeconds(index.config().mirrorCacheExpirySeconds());
        return page.found() ? Optional.of(new MirrorPage(page.project(), stale, page.fetchedAt(), freshUntil))
                : Optional.empty();
    }

    /** Forgets what memory holds, e.g. in tests that edit the database behind the cache's back. */
    void forgetMemory() {
        memory.invalidateAll();
    }
}
