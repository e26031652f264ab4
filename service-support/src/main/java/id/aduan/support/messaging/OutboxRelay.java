package id.aduan.support.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * Sends what the outbox holds and is due (its hold over), oldest first, and marks each event sent only after Kafka
 * has acknowledged it, in the transaction that holds its row ({@code for update skip locked}: replicas never take
 * the same row at once). A crash after sending and before marking sends the event again: consumers drop it by id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    EventPublisher publisher;

    @Inject
    OutboxConfig config;

    private final AtomicBoolean running = new AtomicBoolean();

    @Scheduled(every = "${aduan.outbox.every:1s}", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return relay().replaceWithVoid();
    }

    /**
     * Sends one batch of due events; at most one batch runs at a time in this process.
     *
     * @return how many events were sent
     */
    public Uni<Integer> relay() {
        if (!config.relayEnabled() || !running.compareAndSet(false, true)) {
            return Uni.createFrom().item(0);
        }
        return Panache.withTransaction(this::sendBatch)
                .onFailure().invoke(e -> LOG.warnf("Outbox relay failed, retried on its next run: %s", e.toString()))
                .onFailure().recoverWithItem(0)
                .eventually(() -> running.set(false));
    }

    private Uni<Integer> sendBatch() {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select id, topic, event_key, payload from {h-schema}outbox_event"
                        + " where sent_at is null and relay_after <= clock_timestamp()"
                        + " order by created_at, id limit :limit for update skip locked", Object[].class)
                .setParameter("limit", config.batchSize())
                .getResultList()
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    List<UUID> ids = new ArrayList<>(rows.size());
                    List<ProducerRecord<String, byte[]>> records = new ArrayList<>(rows.size());
                    for (Object[] row : rows) {
                        ids.add((UUID) row[0]);
                        records.add(EventPublisher.record((String) row[1], (String) row[2], (String) row[3]));
                    }
                    // In order: the idempotent producer keeps it per partition. What Kafka refused stays for the next
                    // run; the rest of the batch is marked sent, so one bad record never holds up the others.
                    return publisher.sendEach(EventPublisher.OUTBOX_CHANNEL, records, config.ackTimeout())
                            .chain(failures -> {
                                List<UUID> sent = new ArrayList<>(ids.size());
                                Throwable refused = null;
                                for (int i = 0; i < ids.size(); i++) {
                                    if (failures.get(i) == null) {
                                        sent.add(ids.get(i));
                                    } else {
                                        refused = failures.get(i);
                                    }
                                }
                                if (refused != null) {
                                    LOG.warnf("%d of %d outbox events not acknowledged, sent again on a later run: %s",
                                            ids.size() - sent.size(), ids.size(), refused.toString());
                                }
                                return publisher.markSent(sent).replaceWith(sent.size());
                            });
                }));
    }
}
