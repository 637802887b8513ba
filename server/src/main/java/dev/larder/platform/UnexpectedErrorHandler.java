package dev.larder.platform;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fault of ours (a bug, a full disk, a lost database) is a 500 whose body says so without leaking SQL or stack
 * traces; the log has the details under an id the message names, so an admin can find them.
 */
@Singleton
@Produces
final class UnexpectedErrorHandler implements ExceptionHandler<Exception, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, Exception exception) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Error {} on {} {}", id, request.getMethod(), request.getPath(), exception);
        return ProblemHandler.respondServerError(request, "Internal server error " + id
                + ": the server log has the details under this id.");
    }
}
