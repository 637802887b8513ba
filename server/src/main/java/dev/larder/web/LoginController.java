package dev.larder.web;

import dev.larder.auth.Authenticator;
import dev.larder.auth.Caller;
import dev.larder.auth.WebSession;
import dev.larder.auth.WebSessions;
import dev.larder.platform.Problem;
import dev.larder.platform.ProblemException;
import dev.larder.platform.ProblemHandler;
import dev.larder.platform.PublicUrls;
import dev.larder.platform.RandomTokens;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Logging in and out of the web pages. The session cookie is HttpOnly (no script reads it) and SameSite=Lax (no
 * other site's form posts with it); every form carries a CSRF token besides: the login form one bound to a
 * short-lived cookie of its own (double submit), the logout form the session's.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class LoginController {

    static final String LOGIN_COOKIE = "larder_login";
    private static final Duration LOGIN_FORM_LIFETIME = Duration.ofHours(1);

    private final Authenticator authenticator;
    private final WebSessions sessions;
    private final Viewers viewers;

    LoginController(Authenticator authenticator, WebSessions sessions, Viewers viewers) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.viewers = viewers;
    }

    @Get(uri = "/+login", produces = MediaType.TEXT_HTML)
    HttpResponse<?> form(HttpRequest<?> request, @Nullable @QueryValue String next) {
        return loginForm(request, HttpStatus.OK, null, safeNext(next), null);
    }

    @Post(uri = "/+login", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> login(HttpRequest<?> request, @Body Map<String, String> form) {
        String user = form.getOrDefault("user", "").strip();
        String next = safeNext(form.get("next"));
        String expected = request.getCookies().findCookie(LOGIN_COOKIE).map(Cookie::getValue).orElse(null);
        if (!sameToken(expected, form.get("csrf"))) {
            return loginForm(request, HttpStatus.FORBIDDEN, user, next, "The login form expired or did not come from"
                    + " this site. Please enter your user name and password again.");
        }
        Caller.Authenticated caller;
        try {
            caller = authenticator.login(user, form.getOrDefault("password", ""), Authenticator.addressOf(request));
        } catch (ProblemException e) {
            String message = e.problem() == Problem.THROTTLED ? e.getMessage()
                    : "The user name or the password is not right.";
            return loginForm(request, ProblemHandler.statusOf(e.problem()), user, next, message);
        }
        WebSession session = sessions.open(caller.user().name());
        return HttpResponse.seeOther(URI.create(next))
                .cookie(cookie(request, WebSessions.COOKIE, session.id(), "/", SameSite.Lax,
                        sessions.idleTimeout()))
                .cookie(cookie(request, LOGIN_COOKIE, "", "/+login", SameSite.Strict, Duration.ZERO));
    }

    @Post(uri = "/+logout", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> logout(HttpRequest<?> request, @Body Map<String, String> form) {
        var session = viewers.session(request);
        if (session.isPresent() && !sameToken(session.get().csrfToken(), form.get("csrf"))) {
            ErrorPage page = new ErrorPage(viewers.viewer(request), 403, "Not logged out", "The logout form did not"
                    + " come from this site; use the Log out button on a Larder page.", null);
            return BrowseController.withPageHeaders(HttpResponse.status(HttpStatus.FORBIDDEN)
                    .body(new ModelAndView<>("error", Map.of("page", page))));
        }
        session.ifPresent(s -> sessions.close(s.id()));
        return HttpResponse.seeOther(URI.create("/"))
                .cookie(cookie(request, WebSessions.COOKIE, "", "/", SameSite.Lax, Duration.ZERO));
    }

    private HttpResponse<?> loginForm(HttpRequest<?> request, HttpStatus status, String user, String next,
                                      String error) {
        String token = RandomTokens.urlSafe(32);
        LoginPage page = new LoginPage(viewers.viewer(request), user, next, token, error);
        MutableHttpResponse<?> response = BrowseController.withPageHeaders(HttpResponse.status(status)
                .body(new ModelAndView<>("login", Map.of("page", page))));
        return response.cookie(cookie(request, LOGIN_COOKIE, token, "/+login", SameSite.Strict, LOGIN_FORM_LIFETIME));
    }

    private static Cookie cookie(HttpRequest<?> request, String name, String value, String path, SameSite sameSite,
                                 Duration maxAge) {
        return Cookie.of(name, value).path(path).httpOnly(true).sameSite(sameSite).maxAge(maxAge)
                .secure(PublicUrls.isHttps(request));
    }

    /** Only a path on this server: an open redirect would let a link through Larder's login lead anywhere. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        try {
            URI.create(next);
            return next;
        } catch (IllegalArgumentException notAUri) {
            return "/";
        }
    }

    private static boolean sameToken(String expected, String given) {
        return expected != null && !expected.isEmpty() && given != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
