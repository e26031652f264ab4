package id.aduan.inbox.messaging;

import id.aduan.events.EventEnvelope;
import id.aduan.inbox.domain.InboxProjection;
import id.aduan.support.messaging.BatchedProjection;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** ComplaintRouted into the inbox; acknowledged only after the database transaction has committed. */
@ApplicationScoped
public class RoutedComplaintConsumer {

    @Inject
    InboxProjection projection;

    /** A poll's batch in one transaction (see {@link BatchedProjection}); acknowledged after it commits. */
    @Incoming("complaints-routed")
    public Uni<Void> consume(KafkaRecordBatch<String, EventEnvelope> batch) {
        return BatchedProjection.apply("inbox", batch, projection::apply);
    }
}
