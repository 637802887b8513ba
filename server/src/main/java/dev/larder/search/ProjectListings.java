package dev.larder.search;

import dev.larder.catalog.Catalog;
import dev.larder.catalog.ProjectChanged;
import dev.larder.catalog.ProjectHead;
import dev.larder.index.Index;
import dev.larder.index.IndexType;
import dev.larder.index.Indexes;
import dev.larder.packaging.ProjectName;
import dev.larder.platform.Sql;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The list of every project of every stage index with its latest version and summary, and search over it (issue 8).
 * Rows change in the same transaction as the catalog change they follow ({@link ProjectChanged}), so a list never
 * shows a release that was rolled back.
 */
@Singleton
public class ProjectListings {

    private static final int BACKFILL_BATCH = 1000;
    private static final String COLUMNS = "index_id, name, display_name, latest_version, summary, updated_at";

    private final JdbcOperations jdbc;
    private final Catalog catalog;
    private final Indexes indexes;
    private final Clock clock;
    private final TransactionOperations<Connection> transactions;

    ProjectListings(JdbcOperations jdbc, Catalog catalog, Indexes indexes, Clock clock,
                    TransactionOperations<Connection> transactions) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.indexes = indexes;
        this.clock = clock;
        this.transactions = transactions;
    }

    @EventListener
    void onProjectChanged(ProjectChanged event) {
        indexes.find(event.indexId()).ifPresent(index -> refresh(index, event.project()));
    }

    /**
     * Lists the projects that have no row yet: those of a database from before listings existed. A thousand per
     * transaction, so a large catalog is not listed in one transaction. Answers how many it listed.
     */
    public int addMissing() {
        int added = 0;
        while (true) {
            int batch = transactions.executeWrite(status -> {
                List<Object[]> missing = Sql.query(jdbc, "SELECT p.index_id, p.name FROM projects p"
                        + " LEFT JOIN project_listings l ON l.project_id = p.id WHERE l.project_id IS NULL"
                        + " ORDER BY p.id LIMIT " + BACKFILL_BATCH,
                        List.of(), row -> new Object[] {row.getLong(1), row.getString(2)});
                for (Object[] project : missing) {
                    Index index = indexes.find((Long) project[0]).orElseThrow();
                    refresh(index, new ProjectName((String) project[1]));
                }
                return missing.size();
            });
            added += batch;
            if (batch < BACKFILL_BATCH) {
                return added;
            }
        }
    }

    private void refresh(Index index, ProjectName project) {
        var head = catalog.head(index, project);
        if (head.isEmpty()) {
            Sql.update(jdbc, "DELETE FROM project_listings WHERE index_id = ? AND name = ?",
                    List.of(index.id(), project.value()));
            return;
        }
        ProjectHead h = head.get();
        List<Object> values = new ArrayList<>();
        Collections.addAll(values, h.projectId(), index.id(), project.value(), h.displayName(),
                h.latest() == null ? null : h.latest().toString(), h.summary(),
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        Sql.update(jdbc, "MERGE INTO project_listings (project_id, " + COLUMNS + ") KEY (project_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", values);
        Sql.update(jdbc, "DELETE FROM project_words WHERE project_id = ?", List.of(h.projectId()));
        Set<String> words = SearchWords.of(h.displayName() + " " + (h.summary() == null ? "" : h.summary()),
                SearchWords.MAX_WORDS_PER_PROJECT);
        if (!words.isEmpty()) {
            // MERGE, not INSERT: the background listing of an upgraded database may list the same project at once.
            String sql = "MERGE INTO project_words (word, project_id) KEY (word, project_id) VALUES (?, ?)";
            jdbc.prepareStatement(sql, statement -> {
                try {
                    for (String word : words) {
                        statement.setString(1, word);
                        statement.setLong(2, h.projectId());
                        statement.addBatch();
                    }
                    return statement.executeBatch();
                } catch (SQLException e) {
                    throw new IllegalStateException("Could not store the search words of " + project, e);
                }
            });
        }
    }

    /**
     * One page of the projects these stages hold, in name order; a project held by several shows as the first of
     * them in the given order holds it, as the merge does.
     */
    @Transactional(readOnly = true)
    public ListingPage page(List<Index> stages, int offset, int limit) {
        if (stages.isEmpty()) {
            return new ListingPage(List.of(), 0);
        }
        Map<Long, Index> byId = byId(stages);
        List<Object> ids = ids(byId);
        String inIndexes = "index_id IN (" + Sql.marks(ids) + ")";
        long total = Sql.query(jdbc, "SELECT COUNT(DISTINCT name) FROM project_listings WHERE " + inIndexes, ids,
                row -> row.getLong(1)).get(0);
        List<Object> args = new ArrayList<>(ids);
        args.add(limit);
        args.add(offset);
        List<String> names = Sql.query(jdbc, "SELECT DISTINCT name FROM project_listings WHERE " + inIndexes
                + " ORDER BY name LIMIT ? OFFSET ?", args, row -> row.getString(1));
        if (names.isEmpty()) {
            return new ListingPage(List.of(), total);
        }
        List<Object> detailArgs = new ArrayList<>(ids);
        detailArgs.addAll(names);
        Map<String, ProjectListing> first = new LinkedHashMap<>();
        names.forEach(name -> first.put(name, null));
        Map<Long, Integer> rank = new HashMap<>();
        for (int i = 0; i < stages.size(); i++) {
            rank.putIfAbsent(stages.get(i).id(), i);
        }
        for (ProjectListing listing : listings(byId, inIndexes + " AND name IN (" + Sql.marks(names) + ")",
                detailArgs, "")) {
            ProjectListing held = first.get(listing.name().value());
            if (held == null || rank.get(listing.index().id()) < rank.get(held.index().id())) {
                first.put(listing.name().value(), listing);
            }
        }
        return new ListingPage(first.values().stream().filter(Objects::nonNull).toList(), total);
    }

    /**
     * Projects of these indexes whose name is {@code query}, then whose name starts with it (shortest first), then
     * whose name and summary hold every word of it; at most {@code limit}.
     */
    @Transactional(readOnly = true)
    public List<SearchHit> search(String query, Collection<Index> within, int limit) {
        List<Index> stages = within.stream().filter(i -> i.type() == IndexType.STAGE).toList();
        String text = query == null ? "" : query.strip();
        if (stages.isEmpty() || text.isEmpty()) {
            return List.of();
        }
        Map<Long, Index> byId = byId(stages);
        List<Object> ids = ids(byId);
        String inIndexes = "index_id IN (" + Sql.marks(ids) + ")";
        Map<String, SearchHit> hits = new LinkedHashMap<>();
        if (ProjectName.isValid(text)) {
            String name = new ProjectName(text).value();
            List<Object> args = new ArrayList<>(ids);
            args.add(name);
            add(hits, listings(byId, inIndexes + " AND name = ?", args, " ORDER BY index_id"),
                    SearchHit.Match.EXACT_NAME);
            List<Object> prefixArgs = new ArrayList<>(ids);
            prefixArgs.add(name + "%");
            prefixArgs.add(name);
            add(hits, listings(byId, inIndexes + " AND name LIKE ? AND name <> ?", prefixArgs,
                    " ORDER BY LENGTH(name), name LIMIT " + limit), SearchHit.Match.NAME_PREFIX);
        }
        Set<String> words = SearchWords.of(text, SearchWords.MAX_QUERY_WORDS);
        if (!words.isEmpty() && hits.size() < limit) {
            List<Object> args = new ArrayList<>(ids);
            args.addAll(words);
            args.add(words.size());
            add(hits, listings(byId, inIndexes + " AND project_id IN (SELECT project_id FROM project_words"
                    + " WHERE word IN (" + Sql.marks(words) + ") GROUP BY project_id HAVING COUNT(*) = ?)", args,
                    " ORDER BY name LIMIT " + limit), SearchHit.Match.WORDS);
        }
        return hits.values().stream().limit(limit).toList();
    }

    private static void add(Map<String, SearchHit> hits, List<ProjectListing> found, SearchHit.Match match) {
        for (ProjectListing listing : found) {
            hits.putIfAbsent(listing.index().id() + "/" + listing.name().value(), new SearchHit(listing, match));
        }
    }

    /** The listings a WHERE clause selects, of the given indexes only. */
    private List<ProjectListing> listings(Map<Long, Index> byId, String where, List<Object> args, String tail) {
        List<ProjectListing> found = new ArrayList<>();
        String sql = "SELECT " + COLUMNS + " FROM project_listings WHERE " + where + tail;
        for (ListingRow row : Sql.query(jdbc, sql, args, ListingRow::read)) {
            Index index = byId.get(row.indexId());
            if (index != null) {
                found.add(new ProjectListing(index, new ProjectName(row.name()), row.displayName(),
                        row.latestVersion(), row.summary(), row.updatedAt()));
            }
        }
        return found;
    }

    private record ListingRow(long indexId, String name, String displayName, String latestVersion, String summary,
                              Instant updatedAt) {
        static ListingRow read(ResultSet row) throws SQLException {
            return new ListingRow(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                    row.getString(5), row.getObject(6, OffsetDateTime.class).toInstant());
        }
    }

    private static Map<Long, Index> byId(List<Index> stages) {
        Map<Long, Index> byId = new LinkedHashMap<>();
        stages.forEach(index -> byId.putIfAbsent(index.id(), index));
        return byId;
    }

    private static List<Object> ids(Map<Long, Index> byId) {
        return new ArrayList<>(byId.keySet());
    }

}
