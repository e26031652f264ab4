package id.aduan.sla.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Collection;
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

    /** Open clocks past their deadline whose breach has not been published yet. */
    public Uni<List<SlaClock>> breachedUnannounced(OffsetDateTime now, int limit) {
        return find("stoppedAt is null and pausedAt is null and breachedAt is null and deadline < ?1 order by deadline",
                now)
                .page(0, limit).list();
    }

    /** One statement for the whole batch. */
    public Uni<Integer> markBreached(Collection<UUID> complaintIds, OffsetDateTime at) {
        return update("breachedAt = ?1 where complaintId in ?2 and breachedAt is null", at, complaintIds);
    }
}
