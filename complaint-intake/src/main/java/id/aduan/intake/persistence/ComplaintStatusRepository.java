package id.aduan.intake.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;

@ApplicationScoped
public class ComplaintStatusRepository implements PanacheRepositoryBase<ComplaintStatusRecord, UUID> {

    public Uni<ComplaintStatusRecord> findByTrackingNumber(String trackingNumber) {
        return find("trackingNumber", trackingNumber).firstResult();
    }

    /** Deletes reservations whose event never reached Kafka; their contacts go with them (on delete cascade). */
    public Uni<Long> deleteUnconfirmedCreatedBefore(OffsetDateTime cutoff) {
        return getSession().chain(session -> session
                .createNativeQuery("delete from {h-schema}complaint_status where not confirmed and created_at < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate())
                .map(Integer::longValue);
    }
}
