package dev.larder.blobs;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.H2)
interface BlobRepository extends CrudRepository<BlobRow, String> {

    @Query("SELECT COALESCE(SUM(size), 0) FROM blobs WHERE kind = 'cached'")
    long cachedBytes();

    @Query("SELECT * FROM blobs WHERE kind = 'cached' ORDER BY last_access ASC LIMIT :limit")
    List<BlobRow> leastRecentlyUsedCached(int limit);

    @Query("UPDATE blobs SET last_access = :now WHERE sha256 = :sha256 AND last_access < :olderThan")
    void touch(String sha256, Instant now, Instant olderThan);
}
