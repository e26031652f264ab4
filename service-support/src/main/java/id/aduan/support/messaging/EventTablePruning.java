package id.aduan.support.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Keeps the event tables from growing without end: sent outbox rows older than {@code keep-sent}, and consumers'
 * records of applied events older than {@code keep-processed}, which must outlast the redelivery horizon. Deletes
 * in batches, so that a large backlog never holds long locks.
 */
@ApplicationScoped
public class EventTablePruning {

    private static final Logger LOG = Logger.getLogger(EventTablePruning.class);

    /** What one run deleted. */
    public record Pruned(long sent, long processed) {
    }

    @Inject
    EventTablesConfig config;

    /** A record of an applied event pruned before its copies stop coming would let a copy apply twice. */
    void check(@Observes StartupEvent start) {
        check(config);
    }

    static void check(EventTablesConfig config) {
        if (config.keepProcessed().compareTo(config.redeliveryHorizon()) <= 0) {
            throw new IllegalStateException("aduan.event-tables.keep-processed (" + config.keepProcessed()
                    + ") must be longer than aduan.event-tables.redelivery-horizon (" + config.redeliveryHorizon()
                    + "): a redelivered event would be applied twice");
        }
    }

    @Scheduled(every = "${aduan.event-tables.prune-every:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return prune()
                .invoke(p -> {
                    if (p.sent() + p.processed() > 0) {
                        LOG.infof("Pruned %d sent outbox rows and %d processed-event records", p.sent(), p.processed());
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("Pruning the event tables failed, retried next time: %s", e))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    public Uni<Pruned> prune() {
        // The database's time, which wrote the rows (services' clocks can be moved in tests).
        return drain("delete from {h-schema}outbox_event where id in (select id from {h-schema}outbox_event"
                        + " where created_at < clock_timestamp() - :keep * interval '1 millisecond'"
                        + " and sent_at is not null limit :limit)", config.keepSent().toMillis())
                .chain(sent -> drain("delete from {h-schema}processed_event where (consumer, event_id) in"
                        + " (select consumer, event_id from {h-schema}processed_event"
                        + " where processed_at < clock_timestamp() - :keep * interval '1 millisecond'"
                        + " limit :limit)", config.keepProcessed().toMillis())
                        .map(processed -> new Pruned(sent, processed)));
    }

    /** Runs the delete, a transaction per batch, until a batch comes back short. */
    private Uni<Long> drain(String delete, long keepMillis) {
        int limit = config.pruneBatchSize();
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(delete)
                        .setParameter("keep", keepMillis).setParameter("limit", limit).executeUpdate()))
                .chain(n -> n < limit ? Uni.createFrom().item((long) n) : drain(delete, keepMillis).map(m -> m + n));
    }
}
