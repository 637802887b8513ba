package dev.larder.auth;

import dev.larder.account.Accounts;
import dev.larder.account.User;
import dev.larder.index.IndexName;
import dev.larder.platform.ProblemException;
import dev.larder.platform.RandomTokens;
import dev.larder.platform.Sha256;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * API tokens (SPEC §8): 256 random bits, shown once, stored as their sha256. A fast hash is enough here, unlike for
 * passwords: the secret has full entropy, so there is nothing to guess, and a hash lets a token be found by it.
 */
@Singleton
public class Tokens {

    static final String PREFIX = "larder-";
    /** A token's last use is written at most this often, not on every request. */
    private static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);

    private final TokenRepository tokens;
    private final Accounts accounts;
    private final Clock clock;

    Tokens(TokenRepository tokens, Accounts accounts, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional
    public NewToken create(User owner, TokenScope scope, List<IndexName> indexes, Duration expiresIn,
                           String description) {
        String token = PREFIX + RandomTokens.urlSafe(32);
        Instant now = clock.instant();
        Instant expires = expiresIn == null ? null : now.plus(expiresIn);
        List<String> indexNames = indexes.isEmpty() ? null : indexes.stream().map(IndexName::toString).toList();
        TokenRow row = tokens.save(new TokenRow(RandomTokens.hex(8), owner.id(), Sha256.hex(token),
                scope.wireName(), indexNames, description == null ? "" : description, now, expires, null, null));
        return new NewToken(row.id(), token, row.scope(), row.indexes(), row.expiresAt());
    }

    /** The user and grant of a valid token: known, not revoked, not expired. */
    @Transactional
    public Optional<Caller.Authenticated> verify(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<TokenRow> found = tokens.findBySecretHash(Sha256.hex(token))
                .filter(row -> row.revokedAt() == null)
                .filter(row -> row.expiresAt() == null || row.expiresAt().isAfter(now));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        TokenRow row = found.get();
        if (row.lastUsedAt() == null || row.lastUsedAt().plus(LAST_USE_RESOLUTION).isBefore(now)) {
            tokens.update(row.withLastUsedAt(now));
        }
        List<IndexName> indexes = row.indexes() == null ? List.of()
                : row.indexes().stream().map(IndexName::parse).toList();
        return accounts.find(row.userId()).map(user -> new Caller.Authenticated(user,
                new TokenGrant(row.id(), TokenScope.fromWireName(row.scope()), indexes)));
    }

    /** The tokens of one user, or of every user for root; oldest first. */
    public List<TokenInfo> list(User user) {
        List<TokenRow> rows = user.name().isRoot() ? tokens.listOrderByCreatedAt()
                : tokens.findByUserIdOrderByCreatedAt(user.id());
        Map<Long, String> names = accounts.list().stream()
                .collect(Collectors.toMap(User::id, u -> u.name().value(), (a, b) -> a));
        return rows.stream().map(row -> info(row, names::get)).toList();
    }

    /** Revokes a token of {@code caller} (any token, for root). Answers what was revoked. */
    @Transactional
    public TokenInfo revoke(User caller, String id) {
        TokenRow row = tokens.findById(id)
                .filter(t -> caller.name().isRoot() || t.userId() == caller.id())
                .orElseThrow(() -> ProblemException.notFound("Token '" + id + "' does not exist or is not yours."));
        TokenRow revoked = row.revokedAt() == null ? tokens.update(row.withRevokedAt(clock.instant())) : row;
        return info(revoked, userId -> accounts.find(userId).map(u -> u.name().value()).orElse(null));
    }

    private static TokenInfo info(TokenRow row, Function<Long, String> userName) {
        return new TokenInfo(row.id(), userName.apply(row.userId()), row.scope(), row.indexes(), row.description(),
                row.createdAt(), row.expiresAt(), row.lastUsedAt(), row.revokedAt());
    }
}
