package id.aduan.sla.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SlaClockRepository implements PanacheRepositoryBase<SlaClock, UUID> {

    /** Open clocks past their deadline, most overdue first, optionally of one OPD (holding it, or its liaison). */
    public Uni<List<SlaClock>> overdue(OffsetDateTime now, String opdCode, int limit) {
        String query = "stoppedAt is null and pausedAt is null and deadline < :now"
                + (opdCode == null ? "" : " and (opdCode = :opd or liaisonOpdCode = :opd)")
                + " order by deadline, complaintId";
        Parameters params = Parameters.with("now", now);
        if (opdCode != null) {
            params.and("opd", opdCode);
        }
        return find(query, params).page(0, limit).list();
    }
}
