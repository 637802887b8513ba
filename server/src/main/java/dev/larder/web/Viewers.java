package dev.larder.web;

import dev.larder.auth.Caller;
import dev.larder.auth.IndexAccess;
import dev.larder.auth.WebSession;
import dev.larder.auth.WebSessions;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Who is looking: the caller the request authenticates as, and the web session that carries it, if any. */
@Singleton
final class Viewers {

    private final IndexAccess access;
    private final WebSessions sessions;

    Viewers(IndexAccess access, WebSessions sessions) {
        this.access = access;
        this.sessions = sessions;
    }

    Caller caller(HttpRequest<?> request) {
        return access.caller(request);
    }

    Viewer viewer(HttpRequest<?> request) {
        if (!(caller(request) instanceof Caller.Authenticated authenticated)) {
            return Viewer.ANONYMOUS;
        }
        String csrf = session(request).filter(s -> s.user().equals(authenticated.user().name()))
                .map(WebSession::csrfToken).orElse(null);
        return new Viewer(authenticated.user().name().value(), csrf);
    }

    Optional<WebSession> session(HttpRequest<?> request) {
        return request.getCookies().findCookie(WebSessions.COOKIE).flatMap(cookie -> sessions.find(cookie.getValue()));
    }
}
