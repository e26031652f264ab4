package id.aduan.sla.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The daily ranking's settings ({@code aduan.ranking.*}). */
@ConfigMapping(prefix = "aduan.ranking")
public interface RankingConfig {

    /** An OPD with fewer first-response and resolution outcomes on the day is listed apart, not ranked. */
    @WithDefault("3")
    int minimumLastDay();

    /** The same for the 30 days. */
    @WithDefault("10")
    int minimumLast30Days();

    /** How far back a ranking may be read or recomputed, in days. */
    @WithDefault("730")
    int maxDaysBack();

    /**
     * When the job looks for a ranking to compute (Asia/Jakarta): from 07:00 every 15 minutes, so that an instance
     * down at 07:00 catches up; a day already ranked is not ranked again.
     */
    @WithDefault("0 0/15 7-23 * * ?")
    String cron();
}
