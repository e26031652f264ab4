package id.aduan.support.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * The idempotent-consumer check: records that a consumer handled an event, inside the consumer's own transaction.
 * The table is {@code processed_event} in the service's schema ({@code db/events/R__event_tables.sql});
 * {@link EventTablePruning} removes records older than the redelivery horizon allows.
 */
public final class ProcessedEvents {

    private ProcessedEvents() {
    }

    /**
     * Claims the event for this consumer. Must run inside the transaction that applies the event.
     *
     * @return true the first time, false when the event was already applied (a redelivery)
     */
    public static Uni<Boolean> claim(String consumer, UUID eventId) {
        return Panache.getSession().chain(session -> session
                // {h-schema}: the service's default schema, which native SQL does not get by itself.
                .createNativeQuery("insert into {h-schema}processed_event (consumer, event_id)"
                        + " values (:consumer, :eventId) on conflict do nothing")
                .setParameter("consumer", consumer)
                .setParameter("eventId", eventId)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
