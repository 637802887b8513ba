package dev.larder.platform;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Plain SQL through Micronaut's {@link JdbcOperations}, for the few reads and writes a repository method cannot
 * say (joins into records that are not entities, {@code IN} lists, H2's {@code MERGE}). Callers hold a transaction.
 */
public final class Sql {

    /** Reads one row into a value. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private Sql() {}

    public static <T> List<T> query(JdbcOperations jdbc, String sql, List<?> args, RowReader<T> reader) {
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
                throw new IllegalStateException("Query failed: " + sql, e);
            }
        });
    }

    public static int update(JdbcOperations jdbc, String sql, List<?> args) {
        return jdbc.prepareStatement(sql, statement -> {
            try {
                bind(statement, args);
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Update failed: " + sql, e);
            }
        });
    }

    /** {@code ?,?,?}: one placeholder per value, for an {@code IN (...)} list. */
    public static String marks(Collection<?> values) {
        return String.join(",", Collections.nCopies(values.size(), "?"));
    }

    private static void bind(PreparedStatement statement, List<?> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            statement.setObject(i + 1, args.get(i));
        }
    }
}
