package id.aduan.intake.domain;

import id.aduan.intake.config.IntakeConfig;
import id.aduan.intake.persistence.IdempotencyKeyRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.jboss.logging.Logger;

/**
 * Idempotency keys live as long as a retry can matter: a day after Kafka confirmed their complaint by default
 * ({@code aduan.intake.keep-keys}). Then a GeoReport client may send the same report again as a new one, and the
 * citizen token a key returns is no longer kept in clear.
 */
@ApplicationScoped
public class IdempotencyKeyExpiry {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeyExpiry.class);

    @Inject
    IdempotencyKeyRepository keys;

    @Inject
    IntakeConfig config;

    @Inject
    Clock clock;

    @Scheduled(every = "${aduan.intake.keys-expire-every:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @WithTransaction
    public Uni<Void> expire() {
        return keys.deleteConfirmedCreatedBefore(OffsetDateTime.now(clock).minus(config.keepKeys()))
                .invoke(expired -> {
                    if (expired > 0) {
                        LOG.infof("Forgot %d idempotency keys of confirmed complaints", expired);
                    }
                })
                .replaceWithVoid();
    }
}
