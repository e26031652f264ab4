package id.aduan.intake.domain;

import id.aduan.intake.config.IntakeConfig;
import id.aduan.intake.persistence.ComplaintStatusRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.jboss.logging.Logger;

/**
 * Removes reservations whose complaint never reached Kafka (intake died between storing and publishing). Nobody
 * was given their tracking number, so nothing promised is lost, and no contact is kept without a complaint.
 */
@ApplicationScoped
public class UnconfirmedReservations {

    private static final Logger LOG = Logger.getLogger(UnconfirmedReservations.class);

    @Inject
    ComplaintStatusRepository statuses;

    @Inject
    IntakeConfig config;

    @Inject
    Clock clock;

    @Scheduled(every = "${aduan.intake.purge-every:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @WithTransaction
    public Uni<Void> purge() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(config.unconfirmedRetention());
        return statuses.deleteUnconfirmedCreatedBefore(cutoff)
                .invoke(purged -> {
                    if (purged > 0) {
                        LOG.infof("Purged %d reservations whose event never reached Kafka", purged);
                    }
                })
                .replaceWithVoid();
    }
}
