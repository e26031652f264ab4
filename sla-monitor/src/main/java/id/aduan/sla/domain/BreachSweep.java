package id.aduan.sla.domain;

import id.aduan.events.EventEnvelope;
import id.aduan.events.EventIds;
import id.aduan.events.SlaBreached;
import id.aduan.events.Wib;
import id.aduan.sla.config.SlaConfig;
import id.aduan.sla.messaging.SlaEventPublisher;
import id.aduan.sla.persistence.SlaClock;
import id.aduan.sla.persistence.SlaClockRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Announces each breach once: finds open clocks past their deadline, publishes SlaBreached and waits for Kafka's
 * acknowledgement, then marks them. A crash between the two republishes the same event (its id is derived from
 * the complaint and the deadline), which consumers drop as a duplicate.
 */
@ApplicationScoped
public class BreachSweep {

    private static final Logger LOG = Logger.getLogger(BreachSweep.class);
    static final String CLOCK = "RESOLUTION";

    @Inject
    SlaClockRepository clocks;

    @Inject
    SlaEventPublisher publisher;

    @Inject
    SlaConfig config;

    @Inject
    Clock clock;

    @Scheduled(every = "${aduan.sla.sweep-every:30s}", delayed = "${aduan.sla.sweep-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> sweep() {
        OffsetDateTime now = EventEnvelope.now(clock);
        return due(now).chain(breached -> breached.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(breached.stream().map(c -> publisher.publish(event(c, now))).toList())
                        .andFailFast()
                        .chain(() -> mark(breached.stream().map(c -> c.complaintId).toList(), now))
                        .invoke(() -> LOG.infof("Announced %d SLA breaches", breached.size())))
                .onFailure().invoke(e -> LOG.warnf("SLA sweep failed, retried next time: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    @WithSession
    Uni<List<SlaClock>> due(OffsetDateTime now) {
        return clocks.breachedUnannounced(now, config.breachBatchSize());
    }

    @WithTransaction
    Uni<Integer> mark(List<UUID> complaintIds, OffsetDateTime at) {
        return clocks.markBreached(complaintIds, at);
    }

    private static EventEnvelope event(SlaClock c, OffsetDateTime now) {
        UUID id = EventIds.derived(c.complaintId, "sla-breach/" + CLOCK + "/" + c.deadline.toInstant());
        return EventEnvelope.of(id, c.complaintId, c.complaintId, null,
                new SlaBreached(c.trackingNumber, c.opdCode, CLOCK,
                        Wib.of(c.deadline)),
                Clock.fixed(now.toInstant(), Wib.ZONE));
    }
}
