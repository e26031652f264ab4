package id.aduan.support.messaging;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs a consumer's unit of work until it commits. Transient failures are retried with back-off, indefinitely:
 * the record stays unacknowledged, so its partition waits rather than skipping it. Other failures end the attempt
 * and the record is nacked (its channel sends it to the dead-letter topic).
 */
public final class Retrying {

    private static final Logger LOG = Logger.getLogger(Retrying.class);

    private Retrying() {
    }

    public static <T> Uni<T> untilDone(String what, Supplier<Uni<? extends T>> work) {
        return untilDone(what, work, Duration.ofMillis(200), Duration.ofSeconds(10));
    }

    /** Like {@link #untilDone}, for a caller that handles a lasting failure itself (no dead-letter log line). */
    public static <T> Uni<T> whileTransient(String what, Supplier<Uni<? extends T>> work) {
        return whileTransient(what, work, Duration.ofMillis(200), Duration.ofSeconds(10));
    }

    static <T> Uni<T> untilDone(String what, Supplier<Uni<? extends T>> work, Duration firstDelay, Duration maxDelay) {
        return Retrying.<T>whileTransient(what, work, firstDelay, maxDelay)
                .onFailure().invoke(e -> LOG.errorf(e, "%s failed for good; it goes to the dead-letter topic", what));
    }

    static <T> Uni<T> whileTransient(String what, Supplier<Uni<? extends T>> work, Duration firstDelay,
            Duration maxDelay) {
        Context context = Vertx.currentContext();
        Uni<T> attempt = Uni.createFrom().deferred(work);
        if (context != null) {
            // Hibernate Reactive must run on the consumer's Vert.x context, also when a retry fires on a timer thread.
            attempt = attempt.runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()));
        }
        return attempt
                .onFailure(TransientFailures::isTransient)
                .invoke(e -> LOG.warnf("%s failed and will be retried: %s", what, e.toString()))
                .onFailure(TransientFailures::isTransient)
                .retry().withBackOff(firstDelay, maxDelay).indefinitely();
    }
}
