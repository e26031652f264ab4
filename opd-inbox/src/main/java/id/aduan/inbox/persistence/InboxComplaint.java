package id.aduan.inbox.persistence;

import id.aduan.events.ComplaintStatus;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import org.hibernate.annotations.DynamicUpdate;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A complaint in an OPD's inbox. Never returned by the API as is. Updates write only the columns that changed, so
 * that an action never overwrites the deadline that the SLA consumer set meanwhile.
 */
@Entity
@DynamicUpdate
@Table(name = "complaint")
public class InboxComplaint extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tracking_number", nullable = false, unique = true)
    public String trackingNumber;

    @Column(nullable = false)
    public String category;

    @Column(name = "region_code", nullable = false)
    public String regionCode;

    @Column(nullable = false)
    public String description;

    public String address;

    public Double latitude;

    public Double longitude;

    @Column(nullable = false)
    public String channel;

    @Column(name = "submitted_at", nullable = false)
    public OffsetDateTime submittedAt;

    @Column(name = "opd_code", nullable = false)
    public String opdCode;

    @Column(name = "opd_name", nullable = false)
    public String opdName;

    @Column(name = "rule_id", nullable = false)
    public String ruleId;

    @Column(name = "rule_version", nullable = false)
    public String ruleVersion;

    @Column(nullable = false)
    public String explanation;

    @Column(nullable = false)
    public int hop;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ComplaintStatus status;

    @Column(name = "routed_at", nullable = false)
    public OffsetDateTime routedAt;

    @Column(name = "received_at", insertable = false, updatable = false)
    public OffsetDateTime receivedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** The staff member who holds it (an opaque subject id), if assigned. */
    @Column(name = "assignee_subject")
    public String assigneeSubject;

    @Column(name = "assignee_name")
    public String assigneeName;

    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;

    /** anonim: the reporter chose to hide their identity from staff (intake then never gives out the contact). */
    @Column(nullable = false)
    public boolean anonymous;

    /** rahasia: never shown publicly. */
    @Column(nullable = false)
    public boolean confidential;

    /** The provincial OPD that handles a complaint of an office outside the province's government. */
    @Column(name = "liaison_opd_code")
    public String liaisonOpdCode;

    /** An earlier complaint of the same category nearby that this one may repeat (intake links, never drops). */
    @Column(name = "possible_duplicate_of")
    public UUID possibleDuplicateOf;

    /** Why intake asked a person to route it: category-unclear, region-unclear (comma-separated). */
    @Column(name = "triage_reasons")
    public String triageReasons;

    /** The resolution deadline as sla-monitor last announced it, and the clock's state. */
    public OffsetDateTime deadline;

    @Column(name = "sla_state")
    public String slaState;

    @Column(name = "sla_breached_at")
    public OffsetDateTime slaBreachedAt;

    /** The latest SLA threshold announced: RESOLUTION_50, FIRST_RESPONSE_BREACHED, ESCALATED_GOVERNOR... */
    @Column(name = "sla_flag")
    public String slaFlag;

    /** Optimistic locking: two writers of one complaint cannot both win silently. */
    @Version
    public long version;
}
