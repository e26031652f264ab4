package id.aduan.support.messaging;

import id.aduan.events.EventEnvelope;
import id.aduan.events.EventJson;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaProducer;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.Config;

/**
 * The one way Aduan's services publish events, in one of two explicit modes. Both send through a channel's Kafka
 * producer (acks=all, idempotent) and complete only once Kafka has acknowledged every event; the ids are chosen by
 * the caller (derived from their cause), so a second send is a copy that every consumer drops.
 *
 * <ul>
 * <li><b>Outbox</b> ({@link #stage}, then {@link OutboxRelay}): the event is written in the transaction of the change
 * it reports, and sent after the commit; a crash delays it, never loses it. A caller that must answer only once
 * Kafka has it (intake's submission) stages it {@linkplain #stageHeld held}, {@linkplain #forward forwards} it
 * itself after the commit and {@linkplain #markSent marks} it sent; whatever it could not forward, the relay sends
 * once the hold is over.</li>
 * <li><b>Forward, then acknowledge</b> ({@link #sendAll}): events computed from consumed records (routing, the SLA
 * sweep) are sent at once and the caller acknowledges its input only afterwards; a crash in between redelivers the
 * input, which yields the same events again.</li>
 * </ul>
 *
 * <p>The outbox's table is {@code outbox_event} in the service's schema ({@code db/events/R__event_tables.sql}); its
 * records go through channel {@value #OUTBOX_CHANNEL}, whose values are the stored JSON bytes. Completions come back
 * on the caller's Vert.x context, where the database work that follows must run.
 */
@ApplicationScoped
public class EventPublisher {

    /** The channel of outbox records: each record's topic is its row's. */
    public static final String OUTBOX_CHANNEL = "outbox";

    /** An event and its topic. */
    public record Outgoing(String topic, EventEnvelope event) {
    }

    /** An event still in the outbox, and whether Kafka has acknowledged it. */
    public record Staged(String topic, String key, String payload, boolean sent) {
    }

    @Inject
    KafkaClientService kafka;

    @Inject
    Config config;

    private final Map<String, String> channelTopics = new ConcurrentHashMap<>();

    // --- Mode 1: the transactional outbox ---

    /** Writes the event to the outbox; must run inside the transaction of the change it reports. */
    public Uni<Void> stage(String topic, EventEnvelope event) {
        return stageHeld(List.of(new Outgoing(topic, event)), Duration.ZERO);
    }

    /** Writes the events to the outbox in one statement; must run inside the transaction they report. */
    public Uni<Void> stage(List<Outgoing> events) {
        return stageHeld(events, Duration.ZERO);
    }

    /**
     * Writes the events to the outbox for a caller that {@linkplain #forward forwards} them itself after its commit:
     * the relay leaves them alone for {@code hold} (longer than the caller waits for Kafka), then sends whatever was
     * not marked sent.
     */
    public Uni<Void> stageHeld(List<Outgoing> events, Duration hold) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        StringBuilder sql = new StringBuilder(
                "insert into {h-schema}outbox_event (id, topic, event_key, payload, relay_after) values ");
        for (int i = 0; i < events.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?").append(4 * i + 1).append(", ?").append(4 * i + 2)
                    .append(", ?").append(4 * i + 3).append(", ?").append(4 * i + 4)
                    .append(", clock_timestamp() + ?").append(4 * events.size() + 1)
                    .append(" * interval '1 millisecond')");
        }
        return Panache.getSession().chain(session -> {
            var insert = session.createNativeQuery(sql.toString());
            for (int i = 0; i < events.size(); i++) {
                EventEnvelope event = events.get(i).event();
                insert.setParameter(4 * i + 1, event.eventId())
                        .setParameter(4 * i + 2, events.get(i).topic())
                        .setParameter(4 * i + 3, event.key())
                        .setParameter(4 * i + 4, EventJson.writeString(event));
            }
            insert.setParameter(4 * events.size() + 1, hold.toMillis());
            return insert.executeUpdate();
        }).replaceWithVoid();
    }

    /**
     * Sends staged events now, after the commit that staged them. Completes once Kafka has acknowledged every one;
     * fails with {@link UnacknowledgedException} when it has not within {@code timeout}: then the outcome is unknown
     * (Kafka may still have them), and the relay sends them again after their hold. Marks nothing: the caller does,
     * with {@link #markSent}, in its next transaction.
     */
    public Uni<Void> forward(List<Outgoing> events, Duration timeout) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(events.size());
        for (Outgoing o : events) {
            records.add(new ProducerRecord<>(o.topic(), o.event().key(), EventJson.write(o.event())));
        }
        return send(OUTBOX_CHANNEL, records, timeout);
    }

    /** Sends one staged event again, as the outbox holds it. */
    public Uni<Void> forward(Staged staged, Duration timeout) {
        return send(OUTBOX_CHANNEL, List.of(record(staged.topic(), staged.key(), staged.payload())), timeout);
    }

    /** Marks forwarded events sent, so that the relay leaves them; must run inside a transaction. */
    public Uni<Void> markSent(Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session
                .createNativeQuery("update {h-schema}outbox_event set sent_at = clock_timestamp()"
                        + " where id in (:ids) and sent_at is null")
                .setParameter("ids", eventIds)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** The event as the outbox holds it; empty when it is not there (never staged, or sent and pruned). */
    public Uni<Optional<Staged>> find(UUID eventId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select topic, event_key, payload, sent_at from {h-schema}outbox_event"
                        + " where id = :id", Object[].class)
                .setParameter("id", eventId)
                .getResultList())
                .map(rows -> rows.stream().findFirst()
                        .map(r -> new Staged((String) r[0], (String) r[1], (String) r[2], r[3] != null)));
    }

    // --- Mode 2: forward, then acknowledge ---

    /**
     * Hands the events to the channel's producer at once, each to the channel's topic, keyed by its complaint; completes
     * once Kafka has acknowledged every one, and fails when any send fails or {@code timeout} passes. The caller
     * acknowledges the input that produced them only afterwards.
     */
    public Uni<Void> sendAll(String channel, List<EventEnvelope> events, Duration timeout) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String topic = topicOf(channel);
        List<ProducerRecord<String, EventEnvelope>> records = new ArrayList<>(events.size());
        for (EventEnvelope event : events) {
            records.add(new ProducerRecord<>(topic, event.key(), event));
        }
        return send(channel, records, timeout);
    }

    // --- The one send ---

    static ProducerRecord<String, byte[]> record(String topic, String key, String payload) {
        return new ProducerRecord<>(topic, key, payload.getBytes(StandardCharsets.UTF_8));
    }

    /** Every record to the channel's producer in one go; done when Kafka acknowledged all of them. */
    <V> Uni<Void> send(String channel, List<ProducerRecord<String, V>> records, Duration timeout) {
        return sendEach(channel, records, timeout).map(failures -> {
            for (Throwable failure : failures) {
                if (failure != null) {
                    throw new UnacknowledgedException(records.size(), timeout, failure);
                }
            }
            return null;
        });
    }

    /**
     * Every record to the channel's producer in one go; done when each has its answer, in order: {@code null} when
     * Kafka acknowledged it, else why not. Fails with {@link UnacknowledgedException} when not every answer came
     * within {@code timeout}.
     */
    <V> Uni<List<Throwable>> sendEach(String channel, List<ProducerRecord<String, V>> records, Duration timeout) {
        if (records.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Executor caller = callerContext();
        KafkaProducer<String, V> producer = kafka.getProducer(channel);
        if (producer == null) {
            return Uni.createFrom().failure(new IllegalStateException("No Kafka channel " + channel + " configured"));
        }
        return producer.runOnSendingThread(p -> {
            CompletableFuture<List<Throwable>> all = new CompletableFuture<>();
            Throwable[] outcomes = new Throwable[records.size()];
            AtomicInteger left = new AtomicInteger(records.size());
            for (int i = 0; i < records.size(); i++) {
                int n = i;
                p.send(records.get(i), (metadata, error) -> {
                    outcomes[n] = error;
                    if (left.decrementAndGet() == 0) {
                        all.complete(Arrays.asList(outcomes));
                    }
                });
            }
            return all;
        }).chain(all -> Uni.createFrom().completionStage(all))
                .ifNoItem().after(timeout).failWith(() -> new UnacknowledgedException(records.size(), timeout, null))
                .onFailure(e -> !(e instanceof UnacknowledgedException))
                .transform(e -> new UnacknowledgedException(records.size(), timeout, e))
                .emitOn(caller);
    }

    private String topicOf(String channel) {
        return channelTopics.computeIfAbsent(channel, c -> config.getOptionalValue(
                        "mp.messaging.outgoing." + c + ".topic", String.class)
                .orElseThrow(() -> new IllegalStateException("Channel " + c + " has no topic configured")));
    }

    /** Continuations on the caller's Vert.x context (where Hibernate Reactive must run), if it has one. */
    private static Executor callerContext() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
    }
}
