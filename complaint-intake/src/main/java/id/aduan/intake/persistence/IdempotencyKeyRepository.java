package id.aduan.intake.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;

@ApplicationScoped
public class IdempotencyKeyRepository implements PanacheRepositoryBase<IdempotencyKeyRecord, String> {

    public Uni<Long> deleteCreatedBefore(OffsetDateTime cutoff) {
        return getSession().chain(session -> session
                .createNativeQuery("delete from {h-schema}idempotency_key where created_at < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate())
                .map(Integer::longValue);
    }
}
