package id.aduan.routing.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class OpdRepository implements PanacheRepositoryBase<OpdRecord, String> {

    /** Every OPD, active or not, by code. */
    public Uni<List<OpdRecord>> allByCode() {
        return list("order by code");
    }
}
