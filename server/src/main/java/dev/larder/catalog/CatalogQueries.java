package dev.larder.catalog;

import dev.larder.packaging.ProjectName;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Collections;

/** The catalog's reads across tables that lists and feeds need; callers hold a (read-only) transaction. */
@Singleton
final class CatalogQueries {

    private final JdbcOperations jdbc;

    CatalogQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    List<RecentUpload> recentUploads(Collection<Long> indexIds, int limit) {
        String sql = "SELECT f.index_id, p.name, p.display_name, r.version, f.filename, f.size, f.upload_time, u.name"
                + " FROM files f JOIN releases r ON r.id = f.release_id JOIN projects p ON p.id = r.project_id"
                + " LEFT JOIN users u ON u.id = f.uploader_id"
                + " WHERE f.index_id IN (" + placeholders(indexIds) + ") ORDER BY f.upload_time DESC, f.id DESC"
                + " LIMIT " + limit;
        return query(sql, indexIds, null, rs -> new RecentUpload(rs.getLong(1), new ProjectName(rs.getString(2)),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6), rs.getObject(7, OffsetDateTime.class).toInstant(),
                rs.getString(8)));
    }

    /** The newest releases of these indexes, of one project or (null) of all. */
    List<RecentRelease> recentReleases(Collection<Long> indexIds, ProjectName project, int limit) {
        String sql = "SELECT p.index_id, p.name, p.display_name, r.version, r.summary, r.yanked, r.created_at"
                + " FROM releases r JOIN projects p ON p.id = r.project_id"
                + " WHERE p.index_id IN (" + placeholders(indexIds) + ")" + (project == null ? "" : " AND p.name = ?")
                + " ORDER BY r.created_at DESC, r.id DESC LIMIT " + limit;
        return query(sql, indexIds, project == null ? null : project.value(), rs -> new RecentRelease(rs.getLong(1),
                new ProjectName(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getBoolean(6), rs.getObject(7, OffsetDateTime.class).toInstant()));
    }

    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private <T> List<T> query(String sql, Collection<Long> ids, String extra, RowReader<T> reader) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.prepareStatement(sql, statement -> {
            try {
                bind(statement, ids, extra);
                List<T> out = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        out.add(reader.read(rows));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw new IllegalStateException("Catalog query failed: " + sql, e);
            }
        });
    }

    private static void bind(PreparedStatement statement, Collection<Long> ids, String extra) throws SQLException {
        int at = 1;
        for (long id : ids) {
            statement.setLong(at++, id);
        }
        if (extra != null) {
            statement.setString(at, extra);
        }
    }

    private static String placeholders(Collection<?> values) {
        return String.join(",", Collections.nCopies(Math.max(1, values.size()), "?"));
    }
}
