package dev.larder.catalog;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The catalog's tables; package-private: the rest of the server goes through {@link Catalog}. */
final class CatalogRepositories {

    private CatalogRepositories() {}

    @JdbcRepository(dialect = Dialect.H2)
    interface Projects extends CrudRepository<ProjectRow, Long> {
        Optional<ProjectRow> findByIndexIdAndName(long indexId, String name);

        List<ProjectRow> findByIndexIdOrderByName(long indexId);
    }

    @JdbcRepository(dialect = Dialect.H2)
    interface Releases extends CrudRepository<ReleaseRow, Long> {
        Optional<ReleaseRow> findByProjectIdAndReleaseKey(long projectId, String releaseKey);

        List<ReleaseRow> findByProjectId(long projectId);
    }

    @JdbcRepository(dialect = Dialect.H2)
    interface Files extends CrudRepository<FileRow, Long> {
        Optional<FileRow> findByIndexIdAndFilename(long indexId, String filename);

        Optional<FileRow> findByIndexIdAndSha256AndFilename(long indexId, String sha256, String filename);

        List<FileRow> findByReleaseIdInOrderByFilename(Collection<Long> releaseIds);

        List<FileRow> findByReleaseId(long releaseId);

        @Query("SELECT COUNT(*) FROM files WHERE sha256 = :sha256 OR core_metadata_sha256 = :sha256")
        long countReferencesTo(String sha256);
    }

    @JdbcRepository(dialect = Dialect.H2)
    interface RetiredFilenames extends CrudRepository<RetiredFilenameRow, Long> {
        boolean existsByIndexIdAndFilename(long indexId, String filename);
    }
}
