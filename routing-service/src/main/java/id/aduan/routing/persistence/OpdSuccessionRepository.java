package id.aduan.routing.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OpdSuccessionRepository implements PanacheRepositoryBase<OpdSuccessionRecord, UUID> {

    /** The successions not yet announced whose day has come, locked so that one instance announces each. */
    public Uni<List<OpdSuccessionRecord>> dueLocked(LocalDate today) {
        return find("announcedAt is null and effectiveOn <= ?1", today).withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }
}
