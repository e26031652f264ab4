package id.aduan.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** complaint-intake's own settings ({@code aduan.intake.*}). */
@ConfigMapping(prefix = "aduan.intake")
public interface IntakeConfig {

    /**
     * How long a submission waits for Kafka's acknowledgement before it answers 503. Longer than the producer's
     * delivery.timeout.ms, so that the broker's own verdict arrives first.
     */
    @WithDefault("6s")
    Duration publishTimeout();

    /** The Retry-After of a 503, in seconds. */
    @WithDefault("5")
    int retryAfterSeconds();

    /** The public address of intake, for status URLs; by default the address the request came to. */
    Optional<URI> publicBaseUrl();

    /**
     * A reservation whose event was never confirmed (the process died between storing and publishing) is removed
     * after this long.
     */
    @WithDefault("24h")
    Duration unconfirmedRetention();

    /** How often unconfirmed reservations are looked for (read by its {@code @Scheduled}). */
    @WithDefault("10m")
    String purgeEvery();
}
