package dev.larder.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.larder.platform.Problem;
import dev.larder.platform.ProblemException;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slows down password guessing (SPEC §8): after {@value #MAX_FAILURES_PER_USER} failed logins for one user, or
 * {@value #MAX_FAILURES_PER_ADDRESS} from one address, further attempts are refused with 429 until
 * {@link #WINDOW} has passed without a failure. Counting per user stops a spread-out attack on one account;
 * counting per address stops one client trying many accounts.
 */
@Singleton
final class LoginThrottle {

    static final int MAX_FAILURES_PER_USER = 10;
    static final int MAX_FAILURES_PER_ADDRESS = 30;
    static final Duration WINDOW = Duration.ofMinutes(5);

    private final Cache<String, AtomicInteger> failures = Caffeine.newBuilder()
            .expireAfterWrite(WINDOW).maximumSize(100_000).build();

    void checkAllowed(String user, String address) {
        if (count("user:" + user) >= MAX_FAILURES_PER_USER || count("address:" + address) >= MAX_FAILURES_PER_ADDRESS) {
            throw new ProblemException(Problem.THROTTLED, "Too many failed logins for user '" + user
                    + "' or from this address; wait " + WINDOW.toMinutes() + " minutes before trying again.");
        }
    }

    void recordFailure(String user, String address) {
        increment("user:" + user);
        increment("address:" + address);
    }

    void recordSuccess(String user) {
        failures.invalidate("user:" + user);
    }

    private int count(String key) {
        AtomicInteger count = failures.getIfPresent(key);
        return count == null ? 0 : count.get();
    }

    private void increment(String key) {
        // compute() is a write, so the window restarts with every failure.
        failures.asMap().compute(key, (k, count) -> {
            AtomicInteger next = count == null ? new AtomicInteger() : count;
            next.incrementAndGet();
            return next;
        });
    }
}
