package dev.larder.index;

import dev.larder.account.Accounts;
import dev.larder.account.User;
import dev.larder.account.UserName;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Index definitions: creating them and reading them back with their options and bases. */
@Singleton
public class Indexes {

    private final IndexRepository indexes;
    private final IndexBaseRepository bases;
    private final Accounts accounts;
    private final Clock clock;

    Indexes(IndexRepository indexes, IndexBaseRepository bases, Accounts accounts, Clock clock) {
        this.indexes = indexes;
        this.bases = bases;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Creates an index whose owner and bases already exist. */
    @Transactional
    public Index create(IndexName name, IndexConfig config) {
        User owner = accounts.find(name.user()).orElseThrow(() -> new IllegalArgumentException(
                "User '" + name.user() + "' does not exist; create the user before its indexes."));
        if (indexes.findByOwnerIdAndName(owner.id(), name.name()).isPresent()) {
            throw new IllegalStateException("Index '" + name + "' already exists");
        }
        List<Long> baseIds = new ArrayList<>();
        for (IndexName base : config.bases()) {
            baseIds.add(find(base).orElseThrow(() -> new IllegalArgumentException(
                    "Base index '" + base + "' of '" + name + "' does not exist.")).id());
        }
        Instant now = clock.instant();
        IndexRow row = indexes.save(new IndexRow(null, owner.id(), name.name(), config.type().wireName(),
                config.volatileIndex(), config.aclUpload(), config.aclRead(), config.mirrorWhitelist(),
                config.mirrorUrl() == null ? null : config.mirrorUrl().toString(), config.mirrorCacheExpirySeconds(),
                config.upstreamMinAgeSeconds(), config.title(), config.description(), now, now));
        for (int i = 0; i < baseIds.size(); i++) {
            bases.save(new IndexBaseRow(null, row.id(), i, baseIds.get(i)));
        }
        return new Index(row.id(), name, config);
    }

    public Optional<Index> find(IndexName name) {
        return accounts.find(name.user())
                .flatMap(owner -> indexes.findByOwnerIdAndName(owner.id(), name.name()))
                .map(row -> toIndex(row, ownerNames()));
    }

    public List<Index> list() {
        Map<Long, UserName> owners = ownerNames();
        return indexes.listOrderByOwnerIdAndName().stream().map(row -> toIndex(row, owners)).toList();
    }

    private Map<Long, UserName> ownerNames() {
        return accounts.list().stream().collect(Collectors.toMap(User::id, User::name));
    }

    private Index toIndex(IndexRow row, Map<Long, UserName> owners) {
        List<IndexName> baseNames = bases.findByIndexIdOrderByPosition(row.id()).stream()
                .map(base -> indexes.findById(base.baseId()).orElseThrow())
                .map(base -> new IndexName(owners.get(base.ownerId()), base.name()))
                .toList();
        IndexConfig config = new IndexConfig(IndexType.fromWireName(row.type()), baseNames, row.volatileIndex(),
                row.aclUpload(), row.aclRead(), row.mirrorWhitelist(),
                row.mirrorUrl() == null ? null : URI.create(row.mirrorUrl()), row.mirrorCacheExpiry(),
                row.upstreamMinAge(), row.title(), row.description());
        return new Index(row.id(), new IndexName(owners.get(row.ownerId()), row.name()), config);
    }
}
