package id.aduan.intake.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ComplaintStatusRepository implements PanacheRepositoryBase<ComplaintStatusRecord, UUID> {

    public Uni<ComplaintStatusRecord> findByTrackingNumber(String trackingNumber) {
        return find("trackingNumber", trackingNumber).firstResult();
    }

    /**
     * Complaints of this category in the 7 days before, in the same desa or kecamatan code, or inside the box
     * around the point; the caller measures the real distance. Oldest first.
     */
    public Uni<List<ComplaintStatusRecord>> nearby(String category, OffsetDateTime since, String placeCode,
            Double latitude, Double longitude, double boxDegrees) {
        if (latitude == null || longitude == null) {
            return placeCode == null ? Uni.createFrom().item(List.of())
                    : find("category = ?1 and submittedAt >= ?2 and placeCode = ?3 order by submittedAt",
                            category, since, placeCode).page(0, 50).list();
        }
        return find("category = ?1 and submittedAt >= ?2 and (placeCode = ?3 or (latitude between ?4 and ?5 "
                        + "and longitude between ?6 and ?7)) order by submittedAt",
                category, since, placeCode == null ? "-" : placeCode, latitude - boxDegrees, latitude + boxDegrees,
                longitude - boxDegrees, longitude + boxDegrees).page(0, 50).list();
    }

    /** The event is on Kafka: the reservation is a complaint (the status feed confirms it too, later). */
    public Uni<Integer> markConfirmed(UUID complaintId) {
        return update("confirmed = true where complaintId = ?1", complaintId);
    }
}
