package dev.larder.upstream;

import dev.larder.index.Index;
import dev.larder.packaging.ProjectName;
import dev.larder.platform.Sql;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The upstream projects mirrors have fetched pages of (someone asked for them through Larder), by name: what a
 * team actually uses from upstream, out of the hundreds of thousands a mirror could serve.
 */
@Singleton
public class CachedProjects {

    /** A project a mirror holds a page of, and when that page was taken from upstream. */
    public record Cached(Index mirror, ProjectName name, Instant fetchedAt) {}

    /** One page of them in name order, and how many there are in all. */
    public record Page(List<Cached> projects, long total) {}

    private final JdbcOperations jdbc;

    CachedProjects(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Page page(List<Index> mirrors, int offset, int limit) {
        if (mirrors.isEmpty()) {
            return new Page(List.of(), 0);
        }
        Map<Long, Index> byId = new LinkedHashMap<>();
        mirrors.forEach(mirror -> byId.putIfAbsent(mirror.id(), mirror));
        List<Object> ids = new ArrayList<>(byId.keySet());
        String where = " FROM upstream_pages WHERE found = TRUE AND index_id IN (" + Sql.marks(ids) + ")";
        long total = Sql.query(jdbc, "SELECT COUNT(*)" + where, ids, row -> row.getLong(1)).get(0);
        List<Object> args = new ArrayList<>(ids);
        args.add(limit);
        args.add(offset);
        List<Cached> projects = Sql.query(jdbc, "SELECT index_id, project, fetched_at" + where
                + " ORDER BY project, index_id LIMIT ? OFFSET ?", args, row -> new Cached(byId.get(row.getLong(1)),
                new ProjectName(row.getString(2)), row.getObject(3, OffsetDateTime.class).toInstant()));
        return new Page(projects, total);
    }
}
