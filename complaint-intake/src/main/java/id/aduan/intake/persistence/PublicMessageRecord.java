package id.aduan.intake.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A public word of the conversation: an OPD's reply, question or resolution, or the citizen's answer. */
@Entity
@Table(name = "public_message")
public class PublicMessageRecord extends PanacheEntityBase {

    public static final String OPD = "OPD";
    public static final String CITIZEN = "CITIZEN";

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "complaint_id", nullable = false)
    public UUID complaintId;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @Column(nullable = false)
    public String action;

    @Column(nullable = false)
    public String author;

    @Column(nullable = false)
    public String message;
}
