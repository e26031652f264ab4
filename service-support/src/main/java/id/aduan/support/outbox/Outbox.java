package id.aduan.support.outbox;

import id.aduan.events.EventEnvelope;
import id.aduan.events.EventJson;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The transactional outbox: an event is written in the same database transaction as the change it reports, and
 * {@link OutboxRelay} publishes it afterwards. A crash can delay an event, never lose it. Each service that uses it
 * creates the table in its own schema:
 *
 * <pre>
 * create table outbox_event (
 *     id         uuid primary key,         -- the event id
 *     topic      varchar(200) not null,
 *     event_key  varchar(100) not null,
 *     payload    text not null,            -- the event's JSON
 *     created_at timestamptz not null default clock_timestamp(),
 *     sent_at    timestamptz);
 * create index outbox_event_unsent on outbox_event (created_at) where sent_at is null;
 * </pre>
 */
public final class Outbox {

    private Outbox() {
    }

    /** Adds the event to the outbox. Must run inside the transaction of the change it reports. */
    public static Uni<Void> add(String topic, EventEnvelope event) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("insert into {h-schema}outbox_event (id, topic, event_key, payload)"
                        + " values (:id, :topic, :key, :payload)")
                .setParameter("id", event.eventId())
                .setParameter("topic", topic)
                .setParameter("key", event.key())
                .setParameter("payload", EventJson.writeString(event))
                .executeUpdate())
                .replaceWithVoid();
    }
}
