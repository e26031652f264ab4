package id.aduan.inbox.messaging;

import id.aduan.events.EventEnvelope;
import id.aduan.inbox.domain.SlaClockProjection;
import id.aduan.support.messaging.BatchedProjection;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** SlaClockChanged and SlaBreached into the inbox; acknowledged only after the database transaction committed. */
@ApplicationScoped
public class SlaEventsConsumer {

    @Inject
    SlaClockProjection projection;

    /** A poll's batch in one transaction (see {@link BatchedProjection}); acknowledged after it commits. */
    @Incoming("sla-events")
    public Uni<Void> consume(KafkaRecordBatch<String, EventEnvelope> batch) {
        return BatchedProjection.apply("inbox deadlines", batch, projection::apply);
    }
}
