package dev.larder.web;

import dev.larder.platform.Problem;
import dev.larder.platform.ProblemException;
import io.micronaut.http.HttpRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * What a page says when it cannot be shown. A person is never asked for HTTP Basic credentials (the browser's
 * dialog): a page they may not read without logging in sends them to the login form instead.
 */
final class PageErrors {

    private PageErrors() {}

    static ErrorPage of(HttpRequest<?> request, Viewer viewer, int status, ProblemException problem) {
        String title = switch (problem.problem()) {
            case NOT_FOUND -> "Not found";
            case UNAUTHENTICATED -> "Log in to see this page";
            case FORBIDDEN -> "Not allowed";
            case UPSTREAM_UNAVAILABLE -> "Upstream is unavailable";
            case THROTTLED -> "Too many attempts";
            default -> "This page cannot be shown";
        };
        String login = problem.problem() == Problem.UNAUTHENTICATED
                ? "/+login?next=" + URLEncoder.encode(request.getPath(), StandardCharsets.UTF_8) : null;
        return new ErrorPage(viewer, status, title, problem.getMessage(), login);
    }
}
