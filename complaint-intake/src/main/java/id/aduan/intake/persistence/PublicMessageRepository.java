package id.aduan.intake.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PublicMessageRepository implements PanacheRepositoryBase<PublicMessageRecord, UUID> {

    public Uni<List<PublicMessageRecord>> of(UUID complaintId) {
        return list("complaintId = ?1 order by occurredAt", complaintId);
    }
}
