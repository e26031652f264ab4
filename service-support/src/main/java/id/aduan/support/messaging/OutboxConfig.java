package id.aduan.support.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The outbox relay's settings ({@code aduan.outbox.*}). */
@ConfigMapping(prefix = "aduan.outbox")
public interface OutboxConfig {

    /** How often the relay runs (read by its {@code @Scheduled}). */
    @WithDefault("1s")
    String every();

    /** How many events one run publishes at most. */
    @WithDefault("200")
    int batchSize();

    /** Off only to test a crash between an action's commit and its publication. */
    @WithDefault("true")
    boolean relayEnabled();

    /** How long one run waits for Kafka's acknowledgements before it gives up, to try again on its next run. */
    @WithDefault("30s")
    Duration ackTimeout();
}
