package dev.larder.platform;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * Answers every {@link ProblemException} the same way: the status of its {@link Problem}, the message in the body
 * (JSON {@code {"message", "code", "title"}} for the admin API and for clients that prefer JSON, such as
 * {@code uv publish}; plain text otherwise) and, because twine shows nothing else, in the reason phrase.
 */
@Singleton
@Produces
@Requires(classes = {ProblemException.class, ExceptionHandler.class})
public final class ProblemHandler implements ExceptionHandler<ProblemException, HttpResponse<?>> {

    private static final int MAX_REASON_LENGTH = 300;

    @Override
    public HttpResponse<?> handle(HttpRequest request, ProblemException exception) {
        return respond(request, exception.problem(), exception.getMessage());
    }

    public static MutableHttpResponse<?> respond(HttpRequest<?> request, Problem problem, String message) {
        HttpStatus status = statusOf(problem);
        MutableHttpResponse<Object> response = HttpResponse.status(status, reasonPhrase(status, message));
        if (problem == Problem.UNAUTHENTICATED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"larder\"");
        }
        if (problem == Problem.THROTTLED) {
            response.header(HttpHeaders.RETRY_AFTER, "60");
        }
        if (problem == Problem.NOT_READY) {
            response.header(HttpHeaders.RETRY_AFTER, "10");
        }
        if (request.getMethod() == io.micronaut.http.HttpMethod.HEAD) {
            return response;
        }
        if (wantsJson(request)) {
            return response.contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(new ErrorBody(message, status.getCode() + " " + message, status.getReason()));
        }
        return response.contentType(MediaType.TEXT_PLAIN + ";charset=utf-8").body(message + "\n");
    }

    /** A 500, for faults of the server; in the same shape as every other error. */
    static MutableHttpResponse<?> respondServerError(HttpRequest<?> request, String message) {
        MutableHttpResponse<Object> response = HttpResponse.status(HttpStatus.INTERNAL_SERVER_ERROR, message);
        if (wantsJson(request)) {
            return response.contentType(MediaType.APPLICATION_JSON_TYPE).body(new ErrorBody(message,
                    "500 " + message, HttpStatus.INTERNAL_SERVER_ERROR.getReason()));
        }
        return response.contentType(MediaType.TEXT_PLAIN + ";charset=utf-8").body(message + "\n");
    }

    public static HttpStatus statusOf(Problem problem) {
        return switch (problem) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case NOT_ALLOWED -> HttpStatus.METHOD_NOT_ALLOWED;
            case CONFLICT -> HttpStatus.CONFLICT;
            case GONE -> HttpStatus.GONE;
            case TOO_LARGE -> HttpStatus.REQUEST_ENTITY_TOO_LARGE;
            case THROTTLED -> HttpStatus.TOO_MANY_REQUESTS;
            case UPSTREAM_UNAVAILABLE -> HttpStatus.BAD_GATEWAY;
            case NOT_READY -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    /** The admin API always answers JSON; other callers get JSON when they rank it above plain text. */
    private static boolean wantsJson(HttpRequest<?> request) {
        String path = request.getPath();
        if (path.startsWith("/+api") || path.startsWith("/%2Bapi") || path.startsWith("/%2bapi")) {
            return true;
        }
        Collection<MediaType> accepted = request.accept();
        for (MediaType type : accepted) {
            if (type.matches(MediaType.APPLICATION_JSON_TYPE) && !type.getType().equals("*")) {
                return true;
            }
            if (type.getName().equals(MediaType.TEXT_PLAIN) || type.getName().equals(MediaType.TEXT_HTML)) {
                return false;
            }
        }
        return false;
    }

    /** A reason phrase must be one line of ISO-8859-1; anything else becomes '?', as PyPI does. */
    static String reasonPhrase(HttpStatus status, String message) {
        if (message == null || message.isBlank()) {
            return status.getReason();
        }
        String line = message.replaceAll("[\\r\\n\\t]+", " ").strip();
        if (line.length() > MAX_REASON_LENGTH) {
            line = line.substring(0, MAX_REASON_LENGTH - 3) + "...";
        }
        StringBuilder safe = new StringBuilder(line.length());
        for (char c : line.toCharArray()) {
            safe.append(StandardCharsets.ISO_8859_1.newEncoder().canEncode(c) && c >= 0x20 && c != 0x7f ? c : '?');
        }
        return safe.toString();
    }

    @Serdeable
    record ErrorBody(String message, String code, String title) {}
}
