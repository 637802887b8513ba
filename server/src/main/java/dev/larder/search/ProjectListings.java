package dev.larder.search;

import dev.larder.catalog.Catalog;
import dev.larder.catalog.ProjectChanged;
import dev.larder.catalog.ProjectHead;
import dev.larder.index.Index;
import dev.larder.index.IndexType;
import dev.larder.index.Indexes;
import dev.larder.packaging.ProjectName;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
                List<Object[]> missing = query("SELECT p.index_id, p.name FROM projects p LEFT JOIN project_listings l"
                        + " ON l.project_id = p.id WHERE l.project_id IS NULL ORDER BY p.id LIMIT " + BACKFILL_BATCH,
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
            update("DELETE FROM project_listings WHERE index_id = ? AND name = ?", List.of(index.id(), project.value()));
            return;
        }
        ProjectHead h = head.get();
        List<Object> values = new ArrayList<>();
        Collections.addAll(values, h.projectId(), index.id(), project.value(), h.displayName(),
                h.latest() == null ? null : h.latest().toString(), h.summary(),
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        update("MERGE INTO project_listings (project_id, " + COLUMNS + ") KEY (project_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", values);
        update("DELETE FROM project_words WHERE project_id = ?", List.of(h.projectId()));
        Set<String> words = SearchWords.of(h.displayName() + " " + (h.summary() == null ? "" : h.summary()),
                SearchWords.MAX_WORDS_PER_PROJECT);
        if (!words.isEmpty()) {
            jdbc.prepareStatement("MERGE INTO project_words (word, project_id) KEY (word, project_id) VALUES (?, ?)", statement -> {
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
        List<Object> ids = ids(stages);
        long total = query("SELECT COUNT(DISTINCT name) FROM project_listings WHERE index_id IN (" + marks(ids) + ")",
                ids, row -> row.getLong(1)).get(0);
        List<Object> args = new ArrayList<>(ids);
        args.add(limit);
        args.add(offset);
        List<String> names = query("SELECT DISTINCT name FROM project_listings WHERE index_id IN (" + marks(ids) + ")"
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
        for (ProjectListing listing : listings("index_id IN (" + marks(ids) + ") AND name IN (" + marks(names) + ")",
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
        List<Object> ids = ids(stages);
        String inIndexes = "index_id IN (" + marks(ids) + ")";
        Map<String, SearchHit> hits = new LinkedHashMap<>();
        if (ProjectName.isValid(text)) {
            String name = new ProjectName(text).value();
            List<Object> args = new ArrayList<>(ids);
            args.add(name);
            add(hits, listings(inIndexes + " AND name = ?", args, " ORDER BY index_id"), SearchHit.Match.EXACT_NAME);
            List<Object> prefixArgs = new ArrayList<>(ids);
            prefixArgs.add(name + "%");
            prefixArgs.add(name);
            add(hits, listings(inIndexes + " AND name LIKE ? AND name <> ?", prefixArgs,
                    " ORDER BY LENGTH(name), name LIMIT " + limit), SearchHit.Match.NAME_PREFIX);
        }
        Set<String> words = SearchWords.of(text, SearchWords.MAX_QUERY_WORDS);
        if (!words.isEmpty() && hits.size() < limit) {
            List<Object> args = new ArrayList<>(ids);
            args.addAll(words);
            args.add(words.size());
            add(hits, listings(inIndexes + " AND project_id IN (SELECT project_id FROM project_words WHERE word IN ("
                    + marks(words) + ") GROUP BY project_id HAVING COUNT(*) = ?)", args,
                    " ORDER BY name LIMIT " + limit), SearchHit.Match.WORDS);
        }
        return hits.values().stream().limit(limit).toList();
    }

    private static void add(Map<String, SearchHit> hits, List<ProjectListing> found, SearchHit.Match match) {
        for (ProjectListing listing : found) {
            hits.putIfAbsent(listing.index().id() + "/" + listing.name().value(), new SearchHit(listing, match));
        }
    }

    private List<ProjectListing> listings(String where, List<Object> args, String tail) {
        return query("SELECT " + COLUMNS + " FROM project_listings WHERE " + where + tail, args, row ->
                indexes.find(row.getLong(1)).map(index -> {
                    try {
                        return new ProjectListing(index, new ProjectName(row.getString(2)), row.getString(3),
                                row.getString(4), row.getString(5), row.getObject(6, OffsetDateTime.class).toInstant());
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }).orElse(null)).stream().filter(Objects::nonNull).toList();
    }

    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private <T> List<T> query(String sql, List<?> args, RowReader<T> reader) {
        return jdbc.prepareStatement(sql, statement -> {
            try {
                bind(statement, args);
                List<T> out = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        out.add(reader.read(rows));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw new IllegalStateException("Listing query failed: " + sql, e);
            }
        });
    }

    private void update(String sql, List<?> args) {
        jdbc.prepareStatement(sql, statement -> {
            try {
                bind(statement, args);
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Listing update failed: " + sql, e);
            }
        });
    }

    private static void bind(PreparedStatement statement, List<?> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            statement.setObject(i + 1, args.get(i));
        }
    }

    private static List<Object> ids(List<Index> stages) {
        return new ArrayList<>(stages.stream().map(Index::id).distinct().toList());
    }

    private static String marks(Collection<?> values) {
        return String.join(",", Collections.nCopies(values.size(), "?"));
    }
}
