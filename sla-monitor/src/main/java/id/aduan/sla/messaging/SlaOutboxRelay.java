package id.aduan.sla.messaging;

import id.aduan.support.outbox.OutboxRelay;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Publishes sla-monitor's SlaClockChanged events from its outbox, a few times a second. */
@ApplicationScoped
public class SlaOutboxRelay extends OutboxRelay {

    @Scheduled(every = "${aduan.outbox.every:1s}", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> publish() {
        return relay().replaceWithVoid();
    }
}
