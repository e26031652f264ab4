package id.aduan.intake.domain;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import id.aduan.intake.config.IntakeConfig;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/**
 * Token buckets per door and client (an IP address, a chat sender), from {@code aduan.intake.rate-limit.<door>}.
 * In memory, per instance: behind N replicas a client gets N times the capacity, which is still a limit. Idle
 * buckets are forgotten after the longest window.
 */
@ApplicationScoped
public class RateLimits {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(1)).maximumSize(1_000_000).build();

    @Inject
    IntakeConfig config;

    /**
     * Takes one request from the client's bucket for this door.
     *
     * @return empty if allowed; otherwise the seconds to wait (at least 1)
     */
    public Optional<Long> take(String door, String client) {
        IntakeConfig.RateLimit limit = config.rateLimits().get(door);
        if (limit == null) {
            return Optional.empty();
        }
        Bucket bucket = buckets.get(door + '\u0000' + client, k -> Bucket.builder()
                .addLimit(l -> l.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.per()))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        return Optional.of(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1));
    }
}
