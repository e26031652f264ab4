package id.aduan.routing.messaging;

import id.aduan.events.ComplaintRouted;
import id.aduan.events.ComplaintSubmitted;
import id.aduan.events.EventEnvelope;
import id.aduan.events.Wib;
import id.aduan.routing.domain.Router;
import id.aduan.support.messaging.EventMessages;
import id.aduan.support.messaging.PoisonEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.jboss.logging.Logger;

/**
 * ComplaintSubmitted in, ComplaintRouted out. The submitted record is acknowledged (its offset committed) only
 * once Kafka has acknowledged the routed one. The routed event's id is derived from the submitted event's id, so
 * when a crash makes Kafka redeliver a submission, the copy it produces is the same event and consumers drop it.
 */
@ApplicationScoped
public class ComplaintRouter {

    private static final Logger LOG = Logger.getLogger(ComplaintRouter.class);
    static final String STEP = "routed-1";

    @Inject
    Router router;

    @Inject
    Clock clock;

    @Incoming("complaints-submitted")
    @Outgoing("complaints-routed")
    public Message<EventEnvelope> route(Message<EventEnvelope> in) {
        EventEnvelope event = in.getPayload();
        ComplaintSubmitted submitted = event.payload(ComplaintSubmitted.class).orElse(null);
        if (submitted == null) {
            LOG.debugf("Skipping %s %s: not a submission", event.type(), event.eventId());
            in.ack();
            return null;
        }
        if (submitted.complaint() == null || submitted.complaint().trackingNumber() == null) {
            in.nack(new PoisonEventException("ComplaintSubmitted " + event.eventId() + " carries no complaint"));
            return null;
        }
        EventEnvelope routed = event.next(STEP,
                new ComplaintRouted(submitted.complaint(), router.route(submitted.complaint(), Wib.now(clock).toLocalDate())), clock);
        return in.withPayload(routed).addMetadata(EventMessages.keyOf(routed));
    }
}
