package id.aduan.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** complaint-intake's own settings ({@code aduan.intake.*}). */
@ConfigMapping(prefix = "aduan.intake")
public interface IntakeConfig {

    /**
     * How long a submission waits for Kafka's acknowledgement before it answers 503 (outcome unknown: the complaint
     * is kept and sent again). Longer than the producer's delivery.timeout.ms, so that the broker's own verdict
     * arrives first. The outbox relay leaves a submission alone for twice this long.
     */
    @WithDefault("6s")
    Duration publishTimeout();

    /** The Retry-After of a 503, in seconds. */
    @WithDefault("5")
    int retryAfterSeconds();

    /**
     * Submissions in progress at once, every door together; one more is refused at once with 503 and Retry-After
     * rather than queued, so that an overloaded intake answers fast instead of keeping citizens waiting.
     */
    @WithDefault("128")
    int maxInFlight();

    /**
     * How long an idempotency key (and the citizen token it returns on a retry) is kept once Kafka has confirmed its
     * complaint: a retry after that is a new complaint. Keys of unconfirmed complaints are kept until they are.
     */
    @WithDefault("24h")
    Duration keepKeys();

    /** The public address of intake, for status URLs; by default the address the request came to. */
    Optional<URI> publicBaseUrl();

    /** How sure a reading must be to route on it; below, the complaint goes to triage. */
    Normalization normalization();

    interface Normalization {

        /** Category read from the text (0..1). */
        @WithDefault("0.35")
        double categoryConfidence();

        /** Region read from a field, an address or the text (0..1). */
        @WithDefault("0.6")
        double regionConfidence();
    }

    /** Requests allowed per client, per door; beyond them the answer is 429 with Retry-After. */
    @WithName("rate-limit")
    Map<String, RateLimit> rateLimits();

    interface RateLimit {

        /** Requests allowed in a burst. */
        int capacity();

        /** The window in which the whole capacity refills. */
        Duration per();
    }
}
