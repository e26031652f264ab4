package id.aduan.routing.messaging;

import id.aduan.events.ComplaintRouted;
import id.aduan.events.ComplaintSubmitted;
import id.aduan.events.EventEnvelope;
import id.aduan.events.Wib;
import id.aduan.routing.domain.Router;
import id.aduan.support.messaging.EventPublisher;
import id.aduan.support.messaging.PoisonEventException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * ComplaintSubmitted in, ComplaintRouted out, a poll's batch at a time (measured by {@code ./aduan bench routing}).
 * The batch is acknowledged (its offsets committed) only once Kafka has acknowledged every routed record of it, and
 * its poison records are in the dead-letter topic. The routed event's id is derived from the submitted event's id,
 * so when a crash makes Kafka redeliver a submission, the copy it produces is the same event and consumers drop it.
 */
@ApplicationScoped
public class ComplaintRouter {

    private static final Logger LOG = Logger.getLogger(ComplaintRouter.class);
    static final String STEP = "routed-1";
    static final String CHANNEL = "complaints-routed";
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(10);

    @Inject
    Router router;

    @Inject
    Clock clock;

    /** Through channel complaints-routed (its settings: acks=all, idempotent, lz4). */
    @Inject
    EventPublisher publisher;

    @Incoming("complaints-submitted")
    public Uni<Void> route(KafkaRecordBatch<String, EventEnvelope> batch) {
        LocalDate today = Wib.now(clock).toLocalDate();
        List<EventEnvelope> outs = new ArrayList<>(batch.getRecords().size());
        List<KafkaRecord<String, EventEnvelope>> poison = new ArrayList<>();
        List<PoisonEventException> reasons = new ArrayList<>();
        for (KafkaRecord<String, EventEnvelope> record : batch.getRecords()) {
            EventEnvelope event = record.getPayload();
            if (event == null) {
                // Unreadable: the deserializer left its reason in the record's headers.
                poison.add(record);
                reasons.add(new PoisonEventException("Unreadable record on " + record.getTopic() + "-" + record.getPartition()));
                continue;
            }
            ComplaintSubmitted submitted = event.payload(ComplaintSubmitted.class).orElse(null);
            if (submitted == null) {
                LOG.debugf("Skipping %s %s: not a submission", event.type(), event.eventId());
                continue;
            }
            if (submitted.complaint() == null || submitted.complaint().trackingNumber() == null) {
                poison.add(record);
                reasons.add(new PoisonEventException("ComplaintSubmitted " + event.eventId()
                        + " carries no complaint"));
                continue;
            }
            outs.add(event.next(STEP,
                    new ComplaintRouted(submitted.complaint(), router.route(submitted.complaint(), today)), clock));
        }
        // One deadline for the whole batch, not a timer per record. Kafka away or refusing: send the whole batch
        // again (the same event ids, which consumers drop as copies), never acknowledge a submission whose routing
        // is not on Kafka.
        Uni<Void> published = outs.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.createFrom().deferred(() -> publisher.sendAll(CHANNEL, outs, PUBLISH_TIMEOUT))
                        .onFailure().invoke(e -> LOG.warnf("%d routings not published yet: %s", outs.size(), e))
                        .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10))
                        .indefinitely();
        // Poison goes to the dead-letter topic only after the batch's routings are on Kafka: the dead-letter
        // handler acknowledges the record, which may be the last of its partition in this batch.
        return published
                .chain(() -> deadLetters(poison, reasons))
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    private static Uni<Void> deadLetters(List<KafkaRecord<String, EventEnvelope>> poison,
            List<PoisonEventException> reasons) {
        Uni<Void> done = Uni.createFrom().voidItem();
        for (int i = 0; i < poison.size(); i++) {
            KafkaRecord<String, EventEnvelope> record = poison.get(i);
            PoisonEventException reason = reasons.get(i);
            done = done.chain(() -> Uni.createFrom().completionStage(record.nack(reason)));
        }
        return done;
    }
}
