package dev.larder.account;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.H2)
interface UserRepository extends CrudRepository<UserRow, Long> {

    Optional<UserRow> findByName(String name);

    List<UserRow> listOrderByName();
}
