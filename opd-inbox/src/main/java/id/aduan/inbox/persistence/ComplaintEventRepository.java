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

    /** Every OPD that has held the complaint, in the order it got it. */
    public Uni<List<String>> opdsOf(UUID complaintId) {
        return getSession().chain(session -> session.createSelectionQuery("select e.opdCode from ComplaintEventRecord e "
                        + "where e.complaintId = :id and e.opdCode is not null order by e.occurredAt, e.eventId",
                        String.class)
                .setParameter("id", complaintId).getResultList())
                .map(codes -> codes.stream().distinct().toList());
    }
}
