package id.aduan.sla.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class EarlyStatusChangeRepository implements PanacheRepositoryBase<EarlyStatusChange, UUID> {

    /** The status changes kept for a complaint whose clock had not started, in their order. */
    public Uni<List<EarlyStatusChange>> ofComplaint(UUID complaintId) {
        return list("complaintId = ?1 order by occurredAt", complaintId);
    }
}
