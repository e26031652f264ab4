package id.aduan.inbox.messaging;

import id.aduan.events.EventEnvelope;
import id.aduan.inbox.domain.InboxProjection;
import id.aduan.support.messaging.Retrying;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** ComplaintRouted into the inbox; acknowledged only after the database transaction has committed. */
@ApplicationScoped
public class RoutedComplaintConsumer {

    @Inject
    InboxProjection projection;

    @Incoming("complaints-routed")
    public Uni<Void> consume(EventEnvelope event) {
        return Retrying.untilDone("inbox of " + event.eventId(), () -> projection.apply(event));
    }
}
