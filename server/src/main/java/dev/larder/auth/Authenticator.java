package dev.larder.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.larder.account.Accounts;
import dev.larder.account.User;
import dev.larder.account.UserName;
import dev.larder.audit.AuditLog;
import dev.larder.platform.ProblemException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells who sent a request from its {@code Authorization} header: HTTP Basic with {@code user:password} or
 * {@code __token__:<token>} (what twine, pip and poetry send), or {@code Bearer <token>}. Without that header, a
 * web-page login's session cookie names the caller, for GET and HEAD only: a cookie is sent by the browser whatever
 * page caused the request, so it must never authorise a change.
 *
 * <p>Runs on the blocking executor (it reads the database and may hash a password), so controllers call it
 * themselves rather than a filter on the event loop.
 */
@Singleton
public class Authenticator {

    static final String TOKEN_USER = "__token__";
    private static final String CALLER_ATTRIBUTE = "larder.caller";
    private static final String INVALID = "Invalid or non-existent authentication information:"
            + " check the user name and password, or the token (user name __token__).";
    /** Logins and token uses are audited once per user (or token) and address in this period, not per request. */
    private static final Duration AUDIT_REPEAT = Duration.ofHours(1);

    private final Accounts accounts;
    private final Tokens tokens;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final WebSessions sessions;
    private final Cache<String, Boolean> recentlyAudited = Caffeine.newBuilder()
            .expireAfterWrite(AUDIT_REPEAT).maximumSize(10_000).build();

    Authenticator(Accounts accounts, Tokens tokens, LoginThrottle throttle, AuditLog audit, WebSessions sessions) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.throttle = throttle;
        this.audit = audit;
        this.sessions = sessions;
    }

    /** The caller, {@link Caller#ANONYMOUS} without credentials; throws 401 for credentials that fail. */
    public Caller authenticate(HttpRequest<?> request) {
        Optional<Caller> known = request.getAttribute(CALLER_ATTRIBUTE, Caller.class);
        if (known.isPresent()) {
            return known.get();
        }
        Caller caller = fromHeader(request);
        request.setAttribute(CALLER_ATTRIBUTE, caller);
        return caller;
    }

    private Caller fromHeader(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return fromSession(request);
        }
        String address = addressOf(request);
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header : header.substring(0, space);
        String value = space < 0 ? "" : header.substring(space + 1).strip();
        return switch (scheme.toLowerCase(Locale.ROOT)) {
            case "basic" -> basic(value, address);
            case "bearer" -> token(value, address);
            default -> throw ProblemException.unauthenticated("Unsupported authorization scheme '" + scheme
                    + "': use HTTP Basic (user:password or __token__:<token>) or Bearer <token>.");
        };
    }

    private Caller basic(String encoded, String address) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ProblemException.unauthenticated("The Basic credentials are not valid base64.");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw ProblemException.unauthenticated("The Basic credentials lack the ':' between user and password.");
        }
        String user = decoded.substring(0, colon);
        String secret = decoded.substring(colon + 1);
        if (user.equals(TOKEN_USER)) {
            return token(secret, address);
        }
        return login(user, secret, address);
    }

    /** Checks a user's password, throttled and audited like every login; throws 401 when it does not match. */
    public Caller.Authenticated login(String user, String secret, String address) {
        throttle.checkAllowed(user, address);
        Optional<User> known = parseUserName(user).flatMap(name -> accounts.withPassword(name, secret));
        if (known.isEmpty()) {
            throttle.recordFailure(user, address);
            audit.record(null, address, "login.failed", "user " + user, null);
            throw ProblemException.unauthenticated(INVALID);
        }
        throttle.recordSuccess(user);
        auditOnce("login", user + "@" + address, user, address, "user " + user);
        return new Caller.Authenticated(known.get(), null);
    }

    private Caller fromSession(HttpRequest<?> request) {
        HttpMethod method = request.getMethod();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return Caller.ANONYMOUS;
        }
        return request.getCookies().findCookie(WebSessions.COOKIE)
                .flatMap(cookie -> sessions.find(cookie.getValue()))
                .flatMap(session -> accounts.find(session.user()))
                .<Caller>map(user -> new Caller.Authenticated(user, null))
                .orElse(Caller.ANONYMOUS);
    }

    private Caller token(String token, String address) {
        throttle.checkAllowed(TOKEN_USER, address);
        Optional<Caller.Authenticated> caller = tokens.verify(token);
        if (caller.isEmpty()) {
            throttle.recordFailure(TOKEN_USER, address);
            audit.record(null, address, "token.rejected", null, "unknown, revoked or expired token");
            throw ProblemException.unauthenticated(INVALID);
        }
        Caller.Authenticated authenticated = caller.get();
        String id = authenticated.token().id();
        auditOnce("token.used", id + "@" + address, authenticated.actorName(), address, "token " + id);
        return authenticated;
    }

    private void auditOnce(String action, String key, String actor, String address, String target) {
        if (recentlyAudited.asMap().putIfAbsent(action + ":" + key, Boolean.TRUE) == null) {
            audit.record(actor, address, action, target, null);
        }
    }

    private static Optional<UserName> parseUserName(String user) {
        try {
            return Optional.of(new UserName(user));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static String addressOf(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }
}
