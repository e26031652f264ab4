package id.aduan.intake.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** The platform's reference of a photo that came with a chat complaint; the image is never downloaded. */
@Entity
@Table(name = "chat_attachment")
public class ChatAttachmentRecord extends PanacheEntityBase {

    @Id
    @Column(name = "complaint_id")
    public UUID complaintId;

    @Column(nullable = false)
    public String channel;

    @Column(name = "file_ref", nullable = false)
    public String fileRef;
}
