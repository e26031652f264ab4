package id.aduan.sla.persistence;

import id.aduan.events.ComplaintAction;
import id.aduan.events.ComplaintStatus;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A status change that came before the routing that starts its clock. */
@Entity
@Table(name = "early_status_change")
public class EarlyStatusChange extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "complaint_id", nullable = false)
    public UUID complaintId;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ComplaintStatus status;

    @Enumerated(EnumType.STRING)
    public ComplaintAction action;

    /** On a citizen's confirmation, their rating. */
    public Short rating;

    /** On a TRANSFER, the OPD that holds the complaint from then on; else {@code null}. */
    @Column(name = "opd_code")
    public String opdCode;

    /** On a TRANSFER, the name of the OPD that holds it from then on. */
    @Column(name = "opd_name")
    public String opdName;

    /** On a TRANSFER, the liaison of that OPD, if any. */
    @Column(name = "liaison_opd_code")
    public String liaisonOpdCode;
}
