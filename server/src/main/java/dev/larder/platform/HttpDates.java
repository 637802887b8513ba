package dev.larder.platform;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as HTTP headers and RSS spell them (RFC 1123, GMT): {@code Sun, 22 Nov 2026 01:04:05 GMT}. */
public final class HttpDates {

    private HttpDates() {}

    public static String format(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}
