package id.aduan.inbox.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One event in a complaint's history. */
@Entity
@Table(name = "complaint_event")
public class ComplaintEventRecord extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "complaint_id", nullable = false)
    public UUID complaintId;

    @Column(nullable = false)
    public String type;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @Column(name = "opd_code")
    public String opdCode;

    public String summary;

    /** The action (for staff and citizen actions), else {@code null}. */
    public String action;

    /** Who acted: an opaque subject id, {@code citizen} or {@code system}. */
    public String actor;

    @Column(name = "actor_name")
    public String actorName;

    /** What the citizen sees. */
    @Column(name = "public_message")
    public String publicMessage;

    /** Internal: never shown to citizens. */
    @Column(name = "internal_note")
    public String internalNote;
}
