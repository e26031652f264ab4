package id.aduan.inbox.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class InboxComplaintRepository implements PanacheRepositoryBase<InboxComplaint, UUID> {

    /**
     * One page of an OPD's inbox, newest routed first, after the given position (keyset pagination: no OFFSET, so
     * page 1000 costs what page 1 costs; served by index complaint_opd_routed).
     */
    public Uni<List<InboxComplaint>> page(String opdCode, String status, OffsetDateTime afterRoutedAt, UUID afterId,
            int limit) {
        StringBuilder query = new StringBuilder(opdCode == null ? "1 = 1" : "opdCode = :opd");
        Parameters params = new Parameters();
        if (opdCode != null) {
            params.and("opd", opdCode);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", id.aduan.events.ComplaintStatus.valueOf(status));
        }
        if (afterRoutedAt != null) {
            query.append(" and (routedAt < :t or (routedAt = :t and id < :id))");
            params.and("t", afterRoutedAt).and("id", afterId);
        }
        query.append(" order by routedAt desc, id desc");
        return find(query.toString(), params).page(0, limit).list();
    }

    /** A complaint if it is in the given OPD's inbox ({@code null} OPD: any), else {@code null}. */
    public Uni<InboxComplaint> findInScope(UUID id, String opdCode) {
        return opdCode == null ? findById(id) : find("id = ?1 and opdCode = ?2", id, opdCode).firstResult();
    }

    /** Complaints per status, of one OPD or ({@code null}) all. */
    public Uni<List<Object[]>> countByStatus(String opdCode) {
        String where = opdCode == null ? "" : " where c.opdCode = :opd";
        var query = getSession().map(session -> session.createSelectionQuery(
                "select c.status, count(c) from InboxComplaint c" + where + " group by c.status", Object[].class));
        return query.chain(q -> (opdCode == null ? q : q.setParameter("opd", opdCode)).getResultList());
    }
}
