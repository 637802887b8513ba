package dev.larder.audit;

import io.micronaut.data.model.Pageable;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.TransactionDefinition;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The security events of SPEC §8 (logins, token creation and use, index and ACL changes, deletions), kept in the
 * database for root to read and written to the log as they happen.
 */
@Singleton
public class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger("dev.larder.audit");

    private final AuditEventRepository events;
    private final Clock clock;

    AuditLog(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records an event in its own transaction, so a failed login is kept even though the request fails, and an
     * event of a change that rolls back is not (the caller records after the change commits).
     */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public void record(String actor, String address, String action, String target, String detail) {
        events.save(new AuditEventRow(null, clock.instant(), actor, address, action, target, detail));
        LOG.info("{} by {} from {} on {}{}", action, actor == null ? "anonymous" : actor, address,
                target, detail == null ? "" : " (" + detail + ")");
    }

    /** The newest events first, {@code limit} of them, older than {@code before} when given. */
    public List<AuditEvent> newest(int limit, Long before) {
        Pageable page = Pageable.from(0, Math.max(1, Math.min(limit, 1000)));
        List<AuditEventRow> rows = before == null ? events.listOrderByIdDesc(page)
                : events.findByIdLessThanOrderByIdDesc(before, page);
        return rows.stream()
                .map(r -> new AuditEvent(r.id(), r.at(), r.actor(), r.address(), r.action(), r.target(), r.detail()))
                .toList();
    }
}
