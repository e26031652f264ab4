package id.aduan.intake.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;

/** Platform message ids already handled by the chat bridges ({@code intake.chat_processed_message}). */
@ApplicationScoped
public class ChatProcessedMessageRepository {

    /**
     * Claims a platform message inside the caller's transaction. A concurrent claim of the same id waits for this
     * transaction, then finds the row.
     *
     * @return true the first time, false for a redelivery
     */
    public Uni<Boolean> claim(String messageKey) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("insert into {h-schema}chat_processed_message (message_key) values (:key)"
                        + " on conflict do nothing")
                .setParameter("key", messageKey)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    public Uni<Long> deleteProcessedBefore(OffsetDateTime cutoff) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("delete from {h-schema}chat_processed_message where processed_at < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate())
                .map(Integer::longValue);
    }
}
