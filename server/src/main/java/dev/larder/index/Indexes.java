package dev.larder.index;

import dev.larder.account.Accounts;
import dev.larder.account.User;
import dev.larder.account.UserName;
import dev.larder.platform.ProblemException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/** Index definitions: creating, changing and deleting them, and reading them back with their options and bases. */
@Singleton
public class Indexes {

    private final IndexRepository indexes;
    private final IndexBaseRepository bases;
    private final Accounts accounts;
    private final Clock clock;
    private final ApplicationEventPublisher<IndexesChanged> events;
    private final Cache<IndexName, Optional<Index>> byName = Caffeine.newBuilder().maximumSize(10_000).build();
    private final Cache<IndexName, List<Index>> orders = Caffeine.newBuilder().maximumSize(10_000).build();
    private final AtomicLong generation = new AtomicLong();
    private volatile Listed all;

    private record Listed(long generation, List<Index> indexes) {}

    Indexes(IndexRepository indexes, IndexBaseRepository bases, Accounts accounts, Clock clock,
            ApplicationEventPublisher<IndexesChanged> events) {
        this.indexes = indexes;
        this.bases = bases;
        this.accounts = accounts;
        this.clock = clock;
        this.events = events;
    }

    /** Creates an index whose owner and bases already exist. */
    @Transactional
    public Index create(IndexName name, IndexConfig config) {
        User owner = accounts.find(name.user()).orElseThrow(() -> ProblemException.notFound(
                "User '" + name.user() + "' does not exist; create the user before its indexes."));
        if (indexes.findByOwnerIdAndName(owner.id(), name.name()).isPresent()) {
            throw ProblemException.conflict("Index '" + name + "' already exists.");
        }
        List<Long> baseIds = baseIds(name, config);
        Instant now = clock.instant();
        IndexRow row = indexes.save(toRow(null, owner.id(), name, config, now, now));
        saveBases(row.id(), baseIds);
        events.publishEvent(new IndexesChanged(name));
        return new Index(row.id(), name, config);
    }

    /** Replaces the options of an existing index; bases must exist and must not lead back to the index. */
    @Transactional
    public Index update(IndexName name, IndexConfig config) {
        Index current = require(name);
        if (current.type() != config.type()) {
            throw ProblemException.invalid("Index option 'type' cannot change: '" + name + "' is a "
                    + current.type().wireName() + ".");
        }
        List<Long> baseIds = baseIds(name, config);
        rejectCycle(name, config.bases());
        IndexRow old = indexes.findById(current.id()).orElseThrow();
        indexes.update(toRow(old.id(), old.ownerId(), name, config, old.createdAt(), clock.instant()));
        bases.deleteByIndexId(current.id());
        saveBases(current.id(), baseIds);
        events.publishEvent(new IndexesChanged(name));
        return new Index(current.id(), name, config);
    }

    /** Deletes an index with everything uploaded to it; refused while other indexes inherit from it. */
    @Transactional
    public void delete(IndexName name) {
        Index index = require(name);
        List<String> heirs = bases.findByBaseId(index.id()).stream()
                .map(base -> nameOf(indexes.findById(base.indexId()).orElseThrow()).toString())
                .sorted().toList();
        if (!heirs.isEmpty()) {
            throw ProblemException.conflict("Index '" + name + "' cannot be deleted: " + String.join(", ", heirs)
                    + (heirs.size() == 1 ? " inherits" : " inherit") + " from it. Remove it from their bases first.");
        }
        indexes.deleteById(index.id());
        events.publishEvent(new IndexesChanged(name));
    }

    /** Served from memory: every simple page and file request looks its index up, and indexes rarely change. */
    public Optional<Index> find(IndexName name) {
        return byName.get(name, key -> accounts.find(key.user())
                .flatMap(owner -> indexes.findByOwnerIdAndName(owner.id(), key.name()))
                .map(this::toIndex));
    }

    /** The index if memory holds it; never asks the database (for the zero-copy path on the event loop). */
    public Optional<Index> cached(IndexName name) {
        Optional<Index> index = byName.getIfPresent(name);
        return index == null ? Optional.empty() : index;
    }

    /** The index, or a 404 that names it. */
    public Index require(IndexName name) {
        return find(name).orElseThrow(() -> ProblemException.notFound("Index '" + name + "' does not exist."));
    }

    public Optional<Index> find(long id) {
        return indexes.findById(id).map(this::toIndex);
    }

    /**
     * Every index; from memory once read, since every web page that lists indexes asks for it. A list read while a
     * change commits carries the generation it was read in, so it is never taken for the current one.
     */
    public List<Index> list() {
        long current = generation.get();
        Listed known = all;
        if (known != null && known.generation() == current) {
            return known.indexes();
        }
        List<Index> read = indexes.listOrderByOwnerIdAndName().stream().map(this::toIndex).toList();
        all = new Listed(current, read);
        return read;
    }

    /** The resolution order of an index (SPEC §3): itself, its bases breadth-first, mirrors last. */
    public List<Index> resolutionOrder(Index index) {
        return orders.get(index.name(), key -> ResolutionOrder.of(index, name -> find(name).orElse(null)));
    }

    /** Any index change may change any index's view of its bases: forget everything once it has committed. */
    @TransactionalEventListener
    void onIndexesChanged(IndexesChanged event) {
        generation.incrementAndGet();
        byName.invalidateAll();
        orders.invalidateAll();
    }

    /** True if the user owns any index; such a user cannot be deleted. */
    public List<IndexName> ownedBy(User user) {
        return indexes.findByOwnerId(user.id()).stream().map(row -> new IndexName(user.name(), row.name())).toList();
    }

    private List<Long> baseIds(IndexName name, IndexConfig config) {
        List<Long> ids = new ArrayList<>();
        for (IndexName base : config.bases()) {
            if (base.equals(name)) {
                throw ProblemException.invalid("Index '" + name + "' cannot be its own base.");
            }
            ids.add(find(base).orElseThrow(() -> ProblemException.invalid(
                    "Index option 'bases' names '" + base + "', which does not exist.")).id());
        }
        if (new LinkedHashSet<>(ids).size() != ids.size()) {
            throw ProblemException.invalid("Index option 'bases' names the same index twice.");
        }
        return ids;
    }

    /** SPEC §3: walking the bases from {@code name} must never come back to it. */
    private void rejectCycle(IndexName name, List<IndexName> newBases) {
        for (IndexName base : newBases) {
            List<IndexName> path = pathTo(base, name, new ArrayList<>(List.of(name)), new LinkedHashSet<>());
            if (path != null) {
                throw ProblemException.invalid("Index option 'bases' would make a cycle: "
                        + path.stream().map(IndexName::toString).collect(Collectors.joining(" -> ")) + ".");
            }
        }
    }

    private List<IndexName> pathTo(IndexName from, IndexName target, List<IndexName> path, Set<IndexName> seen) {
        path.add(from);
        if (from.equals(target)) {
            return path;
        }
        if (seen.add(from)) {
            for (IndexName next : find(from).map(index -> index.config().bases()).orElse(List.of())) {
                List<IndexName> found = pathTo(next, target, path, seen);
                if (found != null) {
                    return found;
                }
            }
        }
        path.remove(path.size() - 1);
        return null;
    }

    private void saveBases(long indexId, List<Long> baseIds) {
        for (int i = 0; i < baseIds.size(); i++) {
            bases.save(new IndexBaseRow(null, indexId, i, baseIds.get(i)));
        }
    }

    private static IndexRow toRow(Long id, long ownerId, IndexName name, IndexConfig config, Instant created,
                                  Instant updated) {
        return new IndexRow(id, ownerId, name.name(), config.type().wireName(), config.volatileIndex(),
                config.aclUpload(), config.aclRead(), config.mirrorWhitelist(),
                config.mirrorUrl() == null ? null : config.mirrorUrl().toString(), config.mirrorCacheExpirySeconds(),
                config.upstreamMinAgeSeconds(), config.title(), config.description(), created, updated);
    }

    private IndexName nameOf(IndexRow row) {
        UserName owner = accounts.find(row.ownerId()).orElseThrow().name();
        return new IndexName(owner, row.name());
    }

    private Index toIndex(IndexRow row) {
        List<IndexName> baseNames = bases.findByIndexIdOrderByPosition(row.id()).stream()
                .map(base -> nameOf(indexes.findById(base.baseId()).orElseThrow()))
                .toList();
        IndexConfig config = new IndexConfig(IndexType.fromWireName(row.type()), baseNames, row.volatileIndex(),
                row.aclUpload(), row.aclRead(), row.mirrorWhitelist(),
                row.mirrorUrl() == null ? null : URI.create(row.mirrorUrl()), row.mirrorCacheExpiry(),
                row.upstreamMinAge(), row.title(), row.description());
        return new Index(row.id(), nameOf(row), config);
    }
}
