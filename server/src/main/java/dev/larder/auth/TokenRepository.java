package dev.larder.auth;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.H2)
interface TokenRepository extends CrudRepository<TokenRow, String> {

    Optional<TokenRow> findBySecretHash(String secretHash);

    List<TokenRow> findByUserIdOrderByCreatedAt(long userId);

    List<TokenRow> listOrderByCreatedAt();
}
