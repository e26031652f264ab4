package id.aduan.routing.messaging;

import id.aduan.routing.domain.DirectoryAdmin;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * OpdMerged out: a merger's announcement is written to the outbox on its day (or at once when it is due already); the
 * outbox relay (service-support) publishes it with Kafka's acknowledgement, so every reader moves the complaints
 * exactly once.
 */
@ApplicationScoped
public class DirectoryAnnouncer {

    private static final Logger LOG = Logger.getLogger(DirectoryAnnouncer.class);

    @Inject
    DirectoryAdmin admin;

    @Scheduled(every = "${aduan.routing.announce-every:60s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> announceDue() {
        return admin.announceDue()
                .invoke(n -> {
                    if (n > 0) {
                        LOG.infof("%d directory changes took effect today", n);
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("Directory changes not announced yet: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
