package id.aduan.inbox.messaging;

import id.aduan.events.EventEnvelope;
import id.aduan.inbox.domain.OpdMergers;
import id.aduan.support.messaging.Retrying;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** OPD directory changes (OpdMerged); acknowledged only after the database transaction has committed. */
@ApplicationScoped
public class OpdDirectoryConsumer {

    @Inject
    OpdMergers mergers;

    @Incoming("opd-directory")
    public Uni<Void> consume(EventEnvelope event) {
        return Retrying.untilDone("OPD directory change " + event.eventId(), () -> mergers.apply(event));
    }
}
