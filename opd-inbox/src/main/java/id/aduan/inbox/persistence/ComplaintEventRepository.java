package id.aduan.inbox.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ComplaintEventRepository implements PanacheRepositoryBase<ComplaintEventRecord, UUID> {

    public Uni<List<ComplaintEventRecord>> historyOf(UUID complaintId) {
        return list("complaintId = ?1 order by occurredAt, eventId", complaintId);
    }
}
