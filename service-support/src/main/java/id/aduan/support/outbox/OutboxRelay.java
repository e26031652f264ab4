package id.aduan.support.outbox;

import id.aduan.events.EventEnvelope;
import id.aduan.events.EventJson;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes what {@link Outbox} holds, oldest first, and marks each event sent only after Kafka has acknowledged it.
 * Rows are taken with {@code for update skip locked}, so several replicas never take the same row at once. A crash
 * after publishing and before marking publishes the event again: consumers drop it by its id.
 *
 * <p>A service declares a subclass bean that calls {@link #relay()} on a schedule, and configures the Kafka channel
 * {@value #CHANNEL} (the topic of each record comes from its outbox row).
 */
public abstract class OutboxRelay {

    public static final String CHANNEL = "outbox";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    @Channel(CHANNEL)
    MutinyEmitter<EventEnvelope> emitter;

    @Inject
    OutboxConfig config;

    private final AtomicBoolean running = new AtomicBoolean();

    private record Row(UUID id, String topic, String key, String payload) {
    }

    /**
     * Publishes one batch of unsent events; at most one batch runs at a time in this process.
     *
     * @return how many events were published
     */
    public Uni<Integer> relay() {
        if (!config.relayEnabled() || !running.compareAndSet(false, true)) {
            return Uni.createFrom().item(0);
        }
        return Panache.withTransaction(this::publishBatch)
                .onFailure().invoke(e -> LOG.warnf("Outbox relay failed, retried on its next run: %s", e.toString()))
                .onFailure().recoverWithItem(0)
                .eventually(() -> running.set(false));
    }

    private Uni<Integer> publishBatch() {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select id, topic, event_key, payload from {h-schema}outbox_event"
                        + " where sent_at is null order by created_at, id limit :limit for update skip locked",
                        Object[].class)
                .setParameter("limit", config.batchSize())
                .getResultList()
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    List<Row> batch = rows.stream().map(r -> new Row((UUID) r[0], (String) r[1], (String) r[2],
                            (String) r[3])).toList();
                    // Sent in order; the idempotent producer keeps that order per partition.
                    List<Uni<Void>> sends = new ArrayList<>();
                    for (Row row : batch) {
                        sends.add(send(row));
                    }
                    return Uni.join().all(sends).andFailFast()
                            .chain(() -> session.createNativeQuery("update {h-schema}outbox_event"
                                            + " set sent_at = clock_timestamp() where id in (:ids)")
                                    .setParameter("ids", batch.stream().map(Row::id).toList())
                                    .executeUpdate())
                            .map(ignored -> batch.size());
                }));
    }

    private Uni<Void> send(Row row) {
        EventEnvelope event = EventJson.read(row.payload().getBytes(StandardCharsets.UTF_8));
        Message<EventEnvelope> message = Message.of(event).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(row.key()).withTopic(row.topic()).build());
        return Uni.createFrom().deferred(() -> emitter.sendMessage(message)).ifNoItem().after(ACK_TIMEOUT).fail();
    }
}
