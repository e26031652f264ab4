package id.aduan.sla.messaging;

import id.aduan.events.EventEnvelope;
import id.aduan.sla.domain.SlaProjection;
import id.aduan.support.messaging.BatchedProjection;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Routed and status events into the clocks; acknowledged only after the database transaction has committed. */
@ApplicationScoped
public class ComplaintEventsConsumer {

    @Inject
    SlaProjection projection;

    /** A poll's batch in one transaction (see {@link BatchedProjection}); acknowledged after it commits. */
    @Incoming("complaint-events")
    public Uni<Void> consume(KafkaRecordBatch<String, EventEnvelope> batch) {
        return BatchedProjection.apply("SLA clocks", batch, projection::apply);
    }
}
