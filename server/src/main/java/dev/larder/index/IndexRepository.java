package dev.larder.index;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.H2)
interface IndexRepository extends CrudRepository<IndexRow, Long> {

    Optional<IndexRow> findByOwnerIdAndName(long ownerId, String name);

    List<IndexRow> findByOwnerId(long ownerId);

    List<IndexRow> listOrderByOwnerIdAndName();
}
