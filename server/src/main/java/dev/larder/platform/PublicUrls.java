package dev.larder.platform;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import java.util.Optional;

/** Absolute URLs of this server as the client reached it: its Host header, and X-Forwarded-Proto behind a proxy. */
public final class PublicUrls {

    private PublicUrls() {}

    /** {@code http://host:port}, without a trailing slash. */
    public static String base(HttpRequest<?> request) {
        String host = request.getHeaders().get(HttpHeaders.HOST);
        String scheme = Optional.ofNullable(request.getHeaders().get("X-Forwarded-Proto")).orElse("http");
        return scheme + "://" + (host == null ? "localhost" : host);
    }

    /** True when the client reached us over https, so cookies must be marked Secure. */
    public static boolean isHttps(HttpRequest<?> request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
    }
}
