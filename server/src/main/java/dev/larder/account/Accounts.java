package dev.larder.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.larder.platform.Sha256;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Users and their passwords. */
@Singleton
public class Accounts {

    /**
     * pip sends the index URL's credentials with every request; one Argon2 verification costs ~27 ms of CPU. A
     * verified (stored hash, password) pair is remembered for a while, keyed by a digest of both, so a changed
     * password (a new stored hash) never matches an old entry.
     */
    private static final Duration VERIFIED_PASSWORD_TTL = Duration.ofMinutes(5);

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final Cache<String, Boolean> verified = Caffeine.newBuilder()
            .expireAfterWrite(VERIFIED_PASSWORD_TTL).maximumSize(10_000).build();
    /** Hashed on first use, not at start-up: one Argon2 run costs ~100 ms while the JIT is cold. */
    private volatile String unknownUserHash;

    Accounts(UserRepository users, PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    @Transactional
    public User create(UserName name, String password, String email) {
        if (users.findByName(name.value()).isPresent()) {
            throw new UserExistsException(name);
        }
        requireUsablePassword(password);
        return users.save(new UserRow(null, name.value(), hasher.hash(password), email, clock.instant())).toUser();
    }

    public Optional<User> find(UserName name) {
        return users.findByName(name.value()).map(UserRow::toUser);
    }

    public Optional<User> find(long id) {
        return users.findById(id).map(UserRow::toUser);
    }

    public List<User> list() {
        return users.listOrderByName().stream().map(UserRow::toUser).toList();
    }

    public boolean anyExist() {
        return users.count() > 0;
    }

    @Transactional
    public User changePassword(UserName name, String password) {
        requireUsablePassword(password);
        UserRow row = existing(name);
        return users.update(new UserRow(row.id(), row.name(), hasher.hash(password), row.email(), row.createdAt()))
                .toUser();
    }

    @Transactional
    public User changeEmail(UserName name, String email) {
        UserRow row = existing(name);
        return users.update(new UserRow(row.id(), row.name(), row.passwordHash(), email, row.createdAt())).toUser();
    }

    /** Deletes a user; the caller first makes sure the user owns nothing that would be left without an owner. */
    @Transactional
    public void delete(UserName name) {
        users.delete(existing(name));
    }

    private UserRow existing(UserName name) {
        return users.findByName(name.value()).orElseThrow(() -> new UnknownUserException(name));
    }

    /**
     * The user, only when it exists and its password matches: one read of the user for both. An unknown user costs
     * the same hash as a known one, so response times do not tell which names exist.
     */
    public Optional<User> withPassword(UserName name, String password) {
        Optional<UserRow> row = users.findByName(name.value());
        if (row.isEmpty() || password == null) {
            hasher.matches("", unknownUserHash());
            return Optional.empty();
        }
        String key = Sha256.hex(row.get().passwordHash() + "\0" + password);
        if (verified.getIfPresent(key) != null) {
            return row.map(UserRow::toUser);
        }
        if (!hasher.matches(password, row.get().passwordHash())) {
            return Optional.empty();
        }
        verified.put(key, Boolean.TRUE);
        return row.map(UserRow::toUser);
    }

    private String unknownUserHash() {
        if (unknownUserHash == null) {
            unknownUserHash = hasher.hash("no user has this password");
        }
        return unknownUserHash;
    }

    private static void requireUsablePassword(String password) {
        if (password == null || password.length() < 8) {
            throw new IllegalArgumentException("A password needs at least 8 characters.");
        }
    }
}
