package dev.larder.index;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.H2)
interface IndexBaseRepository extends CrudRepository<IndexBaseRow, Long> {

    List<IndexBaseRow> findByIndexIdOrderByPosition(long indexId);

    List<IndexBaseRow> findByBaseId(long baseId);

    void deleteByIndexId(long indexId);
}
