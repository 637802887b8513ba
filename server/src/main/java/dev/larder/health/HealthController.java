package dev.larder.health;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** {@code GET /+health}: 200 once the database and the blob store work, 503 (with the reason) while they do not. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class HealthController {

    private final Readiness readiness;

    HealthController(Readiness readiness) {
        this.readiness = readiness;
    }

    // "%2B": pip and other clients percent-encode "+" in paths (SPEC §5).
    @Get(uri = "/+health", produces = "application/json")
    HttpResponse<HealthReport> health() {
        HealthReport report = readiness.check();
        return HttpResponse.status(report.isUp() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(report);
    }
}
