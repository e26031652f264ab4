package id.aduan.sla.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** sla-monitor's own settings ({@code aduan.sla.*}). */
@ConfigMapping(prefix = "aduan.sla")
public interface SlaConfig {

    /** Resolution deadline in working days (office time of the working-day calendar) from the first routing. */
    @WithDefault("5")
    int resolutionDays();

    /** How often the breach sweep runs (read by its {@code @Scheduled}). */
    @WithDefault("30s")
    String sweepEvery();

    /** How long after start-up the first sweep runs. */
    @WithDefault("10s")
    String sweepDelay();

    /** How many newly breached clocks one sweep publishes at most. */
    @WithDefault("500")
    int breachBatchSize();
}
