package id.aduan.intake.messaging;

import id.aduan.events.EventEnvelope;
import id.aduan.intake.domain.StatusProjection;
import id.aduan.support.messaging.BatchedProjection;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the public status read model from the submitted, routed and status topics. The record is acknowledged
 * (its offset committed) only after the projection's transaction has committed.
 */
@ApplicationScoped
public class StatusFeedConsumer {

    @Inject
    StatusProjection projection;

    /** A poll's batch in one transaction (see {@link BatchedProjection}); acknowledged after it commits. */
    @Incoming("status-feed")
    public Uni<Void> consume(KafkaRecordBatch<String, EventEnvelope> batch) {
        return BatchedProjection.apply("status projection", batch, projection::apply);
    }
}
