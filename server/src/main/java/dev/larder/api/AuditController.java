package dev.larder.api;

import dev.larder.audit.AuditEvent;
import dev.larder.audit.AuditLog;
import dev.larder.auth.Authenticator;
import dev.larder.auth.Permissions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import java.util.Map;

/** {@code GET /+api/audit?limit=N&before=ID}: the security events, newest first; root only (SPEC §8). */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class AuditController {

    private final AuditLog audit;
    private final Authenticator authenticator;

    AuditController(AuditLog audit, Authenticator authenticator) {
        this.audit = audit;
        this.authenticator = authenticator;
    }

    @Get(uri = "/+api/audit")
    Map<String, List<AuditEvent>> events(HttpRequest<?> request, @Nullable @QueryValue Integer limit,
                                         @Nullable @QueryValue Long before) {
        Permissions.requireRoot(authenticator.authenticate(request), "read the audit log");
        return Map.of("events", audit.newest(limit == null ? 100 : limit, before));
    }
}
