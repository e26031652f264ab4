package id.aduan.sla.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** sla-monitor's own settings ({@code aduan.sla.*}). */
@ConfigMapping(prefix = "aduan.sla")
public interface SlaConfig {

    /** SLA policies to use instead of the built-in {@code sla/policies.yaml} (working days by class, category, OPD). */
    Optional<Path> policiesFile();

    /** How often the breach sweep runs (read by its {@code @Scheduled}). */
    @WithDefault("30s")
    String sweepEvery();

    /** How long after start-up the first sweep runs. */
    @WithDefault("10s")
    String sweepDelay();

    /** How many due thresholds the sweep publishes at once (it goes on batch after batch until none is due). */
    @WithDefault("2000")
    int sweepBatchSize();

    /** How often a requested re-computation of open deadlines (after a calendar correction) is looked for. */
    @WithDefault("5s")
    String recomputeEvery();

    /** How often each instance reloads the calendar corrections. */
    @WithDefault("10s")
    String calendarRefresh();
}
