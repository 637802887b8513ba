package dev.larder.health;

import dev.larder.storage.BlobStore;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/** Checks the two things a request needs: a database connection that answers, and a writable blob store. */
@Singleton
final class Readiness {

    private static final int DATABASE_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;
    private final BlobStore blobStore;

    Readiness(DataSource dataSource, BlobStore blobStore) {
        // The injected DataSource only hands out the connection of a surrounding transaction; the check wants its own.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.blobStore = blobStore;
    }

    HealthReport check() {
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("database", probe(() -> {
            try (Connection connection = dataSource.getConnection()) {
                if (!connection.isValid(DATABASE_TIMEOUT_SECONDS)) {
                    throw new IllegalStateException("the connection did not answer within "
                            + DATABASE_TIMEOUT_SECONDS + " s");
                }
            }
        }));
        checks.put("blob_store", probe(blobStore::checkWritable));
        return HealthReport.of(checks);
    }

    private static String probe(Probe probe) {
        try {
            probe.run();
            return HealthReport.UP;
        } catch (Exception e) {
            return "DOWN: " + e.getMessage();
        }
    }

    @FunctionalInterface
    private interface Probe {
        void run() throws Exception;
    }
}
