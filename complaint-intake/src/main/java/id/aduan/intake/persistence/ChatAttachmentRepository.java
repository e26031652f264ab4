package id.aduan.intake.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ChatAttachmentRepository implements PanacheRepositoryBase<ChatAttachmentRecord, UUID> {
}
