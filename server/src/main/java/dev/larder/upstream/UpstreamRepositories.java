package dev.larder.upstream;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;

/** The mirror cache's tables; package-private. */
final class UpstreamRepositories {

    private UpstreamRepositories() {}

    @JdbcRepository(dialect = Dialect.H2)
    interface Pages extends CrudRepository<UpstreamPageRow, Long> {
        Optional<UpstreamPageRow> findByIndexIdAndProject(long indexId, String project);
    }

    @JdbcRepository(dialect = Dialect.H2)
    interface Files extends CrudRepository<UpstreamFileRow, Long> {
        Optional<UpstreamFileRow> findByIndexIdAndFileKeyAndFilename(long indexId, String fileKey, String filename);

        void deleteByPageId(long pageId);
    }
}
