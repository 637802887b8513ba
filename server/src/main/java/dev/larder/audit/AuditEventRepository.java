package dev.larder.audit;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.H2)
interface AuditEventRepository extends CrudRepository<AuditEventRow, Long> {

    List<AuditEventRow> findByIdLessThanOrderByIdDesc(long before, Pageable page);

    List<AuditEventRow> listOrderByIdDesc(Pageable page);
}
