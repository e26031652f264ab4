package id.aduan.routing.messaging;

import id.aduan.events.ComplaintAction;
import id.aduan.events.ComplaintRouted;
import id.aduan.events.ComplaintStatusChanged;
import id.aduan.events.EventEnvelope;
import id.aduan.events.RoutingDecision;
import id.aduan.events.Wib;
import id.aduan.routing.domain.Router;
import id.aduan.support.messaging.EventPublisher;
import id.aduan.support.messaging.PoisonEventException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * An OPD's "bukan kewenangan kami" (ComplaintStatusChanged with action REJECT) in, the next hop out as
 * ComplaintRouted. The rejection carries the complaint, so routing keeps no store of its own. The routed event's id
 * derives from the rejection's, so a redelivered rejection produces the same event, which consumers drop; the
 * rejection is acknowledged only once Kafka has the routed event.
 */
@ApplicationScoped
public class ComplaintRerouter {

    private static final Logger LOG = Logger.getLogger(ComplaintRerouter.class);
    static final String STEP = "rerouted";
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(10);

    @Inject
    Router router;

    @Inject
    Clock clock;

    /** Through channel reroutes (acks=all, idempotent). */
    @Inject
    EventPublisher publisher;

    @Incoming("complaints-status")
    public Uni<Void> reroute(Message<EventEnvelope> in) {
        EventEnvelope event = in.getPayload();
        ComplaintStatusChanged change = event.payload(ComplaintStatusChanged.class).orElse(null);
        if (change == null || change.action() != ComplaintAction.REJECT) {
            return Uni.createFrom().completionStage(in.ack());
        }
        if (change.complaint() == null || change.opdCode() == null) {
            return Uni.createFrom().completionStage(in.nack(new PoisonEventException(
                    "Rejection " + event.eventId() + " carries no complaint or OPD")));
        }
        RoutingDecision decision = router.reroute(change.complaint(), change.opdCode(), change.suggestedOpdCode(),
                change.triedOpdCodes() == null ? List.of(change.opdCode()) : change.triedOpdCodes(),
                change.hop() == null ? 1 : change.hop(), Wib.now(clock).toLocalDate());
        EventEnvelope routed = event.next(STEP, new ComplaintRouted(change.complaint(), decision), clock);
        LOG.debugf("Re-routing %s from %s to %s (hop %d)", event.complaintId(), change.opdCode(), decision.opdCode(),
                decision.hop());
        // Kafka away: keep trying, never acknowledge a rejection whose next hop is not on Kafka.
        return Uni.createFrom().deferred(() -> publisher.sendAll("reroutes", List.of(routed), PUBLISH_TIMEOUT))
                .onFailure().invoke(e -> LOG.warnf("Re-routing %s not published yet: %s", event.complaintId(), e))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely()
                .chain(() -> Uni.createFrom().completionStage(in.ack()));
    }
}
