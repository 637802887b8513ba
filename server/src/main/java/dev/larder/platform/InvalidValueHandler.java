package dev.larder.platform;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Values are parsed at the edge into records ({@code UserName}, {@code ProjectName}, {@code Version}...), whose
 * constructors reject bad input with an {@link IllegalArgumentException} that names the value: that is a 400.
 */
@Singleton
@Produces
final class InvalidValueHandler implements ExceptionHandler<IllegalArgumentException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, IllegalArgumentException exception) {
        return ProblemHandler.respond(request, Problem.INVALID, exception.getMessage());
    }
}
