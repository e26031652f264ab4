package id.aduan.support.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How long the event tables keep what they no longer need ({@code aduan.event-tables.*}): sent outbox rows, and the
 * ids that idempotent consumers applied.
 */
@ConfigMapping(prefix = "aduan.event-tables")
public interface EventTablesConfig {

    /** How often both tables are pruned (read by its {@code @Scheduled}). */
    @WithDefault("10m")
    String pruneEvery();

    /** A sent outbox row is kept this long after it was written, to see what went out. */
    @WithDefault("1h")
    Duration keepSent();

    /**
     * A consumer's record of an applied event is kept this long. It must be longer than {@link #redeliveryHorizon()}:
     * a copy that arrives after its record is gone would be applied a second time.
     */
    @WithDefault("30d")
    Duration keepProcessed();

    /**
     * The longest a record can still come back after a consumer applied it: the records it had applied but not yet
     * committed when it stopped come back when it resumes, so this is the longest a consumer may be down (or that
     * long behind) before its copies could be applied twice. It holds only while the broker keeps the group's
     * offsets longer still ({@code offsets.retention.minutes}; the launcher's broker never drops them): a group
     * whose offsets are dropped reads its topics, which keep every record, again from the beginning.
     */
    @WithDefault("7d")
    Duration redeliveryHorizon();

    /** Rows deleted per statement, so that a large backlog never holds long locks. */
    @WithDefault("5000")
    int pruneBatchSize();
}
