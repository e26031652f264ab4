package id.aduan.support.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The outbox relay's settings ({@code aduan.outbox.*}); {@code every} is read by each service's schedule. */
@ConfigMapping(prefix = "aduan.outbox")
public interface OutboxConfig {

    /** How many events one run publishes at most. */
    @WithDefault("200")
    int batchSize();

    /** Off only to test a crash between an action's commit and its publication. */
    @WithDefault("true")
    boolean relayEnabled();

    /** How often the relay runs. */
    @WithDefault("1s")
    String every();
}
