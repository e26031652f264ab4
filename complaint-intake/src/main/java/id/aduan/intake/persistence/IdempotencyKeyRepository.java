package id.aduan.intake.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;

@ApplicationScoped
public class IdempotencyKeyRepository implements PanacheRepositoryBase<IdempotencyKeyRecord, String> {

    /**
     * Forgets the keys of complaints Kafka confirmed, older than the cutoff (with the citizen tokens they hold); a
     * key of a complaint not yet confirmed stays, so that its retry still finds it.
     */
    public Uni<Long> deleteConfirmedCreatedBefore(OffsetDateTime cutoff) {
        return getSession().chain(session -> session
                .createNativeQuery("delete from {h-schema}idempotency_key k using {h-schema}complaint_status c"
                        + " where c.complaint_id = k.complaint_id and c.confirmed and k.created_at < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate())
                .map(Integer::longValue);
    }
}
