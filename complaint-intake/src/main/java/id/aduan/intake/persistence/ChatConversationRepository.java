package id.aduan.intake.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;

@ApplicationScoped
public class ChatConversationRepository implements PanacheRepositoryBase<ChatConversationRecord, String> {

    /** The sender's conversation, locked until the transaction ends ({@code select ... for update}); or null. */
    public Uni<ChatConversationRecord> lock(String key) {
        return findById(key, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<Long> deleteUpdatedBefore(OffsetDateTime cutoff) {
        return delete("updatedAt < ?1", cutoff);
    }
}
