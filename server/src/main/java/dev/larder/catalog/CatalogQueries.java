package dev.larder.catalog;

import dev.larder.packaging.ProjectName;
import dev.larder.platform.Sql;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The catalog's reads across tables that lists and feeds need; callers hold a (read-only) transaction. */
@Singleton
final class CatalogQueries {

    private final JdbcOperations jdbc;

    CatalogQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    List<RecentUpload> recentUploads(Collection<Long> indexIds, int limit) {
        if (indexIds.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT f.index_id, p.name, p.display_name, r.version, f.filename, f.size, f.upload_time, u.name"
                + " FROM files f JOIN releases r ON r.id = f.release_id JOIN projects p ON p.id = r.project_id"
                + " LEFT JOIN users u ON u.id = f.uploader_id"
                + " WHERE f.index_id IN (" + Sql.marks(indexIds) + ") ORDER BY f.upload_time DESC, f.id DESC"
                + " LIMIT " + limit;
        return Sql.query(jdbc, sql, new ArrayList<>(indexIds), rs -> new RecentUpload(rs.getLong(1),
                new ProjectName(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6),
                rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getString(8)));
    }

    /** The newest releases of these indexes, of one project or (null) of all. */
    List<RecentRelease> recentReleases(Collection<Long> indexIds, ProjectName project, int limit) {
        if (indexIds.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT p.index_id, p.name, p.display_name, r.version, r.summary, r.yanked, r.created_at"
                + " FROM releases r JOIN projects p ON p.id = r.project_id"
                + " WHERE p.index_id IN (" + Sql.marks(indexIds) + ")" + (project == null ? "" : " AND p.name = ?")
                + " ORDER BY r.created_at DESC, r.id DESC LIMIT " + limit;
        List<Object> args = new ArrayList<>(indexIds);
        if (project != null) {
            args.add(project.value());
        }
        return Sql.query(jdbc, sql, args, rs -> new RecentRelease(rs.getLong(1), new ProjectName(rs.getString(2)),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6),
                rs.getObject(7, OffsetDateTime.class).toInstant()));
    }
}
