package id.aduan.sla.messaging;

import id.aduan.events.EventEnvelope;
import id.aduan.sla.domain.OpdSuccessions;
import id.aduan.support.messaging.Retrying;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** OPD mergers for the ranking; acknowledged only after the database transaction has committed. */
@ApplicationScoped
public class OpdDirectoryConsumer {

    @Inject
    OpdSuccessions successions;

    @Incoming("opd-directory")
    public Uni<Void> consume(EventEnvelope event) {
        return Retrying.untilDone("OPD directory change " + event.eventId(), () -> successions.apply(event));
    }
}
