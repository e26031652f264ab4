package id.aduan.routing.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class OpdAuditRepository implements PanacheRepositoryBase<OpdAuditRecord, Long> {

    /** The latest {@code limit} changes, newest first, of one OPD or (with {@code null}) of every OPD. */
    public Uni<List<OpdAuditRecord>> newestFirst(String opdCode, int limit) {
        var query = opdCode == null ? find("order by id desc") : find("opdCode = ?1 order by id desc", opdCode);
        return query.page(0, limit).list();
    }
}
