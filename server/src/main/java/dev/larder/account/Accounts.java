package dev.larder.account;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Users and their passwords. */
@Singleton
public class Accounts {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final Clock clock;
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
            throw new IllegalStateException("User '" + name + "' already exists");
        }
        return users.save(new UserRow(null, name.value(), hasher.hash(password), email, clock.instant())).toUser();
    }

    public Optional<User> find(UserName name) {
        return users.findByName(name.value()).map(UserRow::toUser);
    }

    public List<User> list() {
        return users.listOrderByName().stream().map(UserRow::toUser).toList();
    }

    private String unknownUserHash() {
        if (unknownUserHash == null) {
            unknownUserHash = hasher.hash("no user has this password");
        }
        return unknownUserHash;
    }

    public boolean anyExist() {
        return users.count() > 0;
    }

    /**
     * True only for an existing user whose password matches. An unknown user costs the same hash as a known one,
     * so response times do not tell which names exist.
     */
    public boolean passwordMatches(UserName name, String password) {
        Optional<UserRow> row = users.findByName(name.value());
        boolean matches = hasher.matches(password, row.map(UserRow::passwordHash).orElseGet(this::unknownUserHash));
        return row.isPresent() && matches;
    }
}
