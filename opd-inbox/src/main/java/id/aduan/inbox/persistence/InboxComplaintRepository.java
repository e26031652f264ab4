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
        StringBuilder query = new StringBuilder("opdCode = :opd");
        Parameters params = Parameters.with("opd", opdCode);
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
}
