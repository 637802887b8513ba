package dev.larder.health;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/** {@code {"status": "UP"|"DOWN", "checks": {"database": "UP", "blob_store": "DOWN: why"}}}. */
@Serdeable
public record HealthReport(String status, Map<String, String> checks) {

    static final String UP = "UP";

    static HealthReport of(Map<String, String> checks) {
        boolean up = checks.values().stream().allMatch(UP::equals);
        return new HealthReport(up ? UP : "DOWN", checks);
    }

    boolean isUp() {
        return UP.equals(status);
    }
}
