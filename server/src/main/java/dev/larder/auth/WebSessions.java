package dev.larder.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.larder.account.UserName;
import dev.larder.platform.RandomTokens;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Web-page logins, held in memory: a restart logs everyone out, which costs a person one login and keeps no secret
 * on disk. A session lasts {@code larder.web.session-idle-timeout} from its last use.
 */
@Singleton
public class WebSessions {

    public static final String COOKIE = "larder_session";

    private final Clock clock;
    private final Duration idleTimeout;
    private final Cache<String, WebSession> sessions;

    WebSessions(Clock clock, @Value("${larder.web.session-idle-timeout}") Duration idleTimeout) {
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.sessions = Caffeine.newBuilder().expireAfterAccess(idleTimeout).maximumSize(100_000).build();
    }

    public WebSession open(UserName user) {
        WebSession session = new WebSession(RandomTokens.urlSafe(32), user, RandomTokens.urlSafe(32),
                clock.instant());
        sessions.put(session.id(), session);
        return session;
    }

    public Optional<WebSession> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(sessions.getIfPresent(id));
    }

    public void close(String id) {
        sessions.invalidate(id);
    }

    /** Every session of a user ends, e.g. when the user is deleted or changes password. */
    public void closeAll(UserName user) {
        sessions.asMap().values().removeIf(session -> session.user().equals(user));
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

}
