package id.aduan.sla.persistence;

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

/** A complaint's resolution deadline clock. */
@Entity
@Table(name = "sla_clock")
public class SlaClock extends PanacheEntityBase {

    @Id
    @Column(name = "complaint_id")
    public UUID complaintId;

    @Column(name = "tracking_number", nullable = false)
    public String trackingNumber;

    @Column(name = "opd_code", nullable = false)
    public String opdCode;

    /** For an office outside the province's government, the provincial OPD that follows it up. */
    @Column(name = "liaison_opd_code")
    public String liaisonOpdCode;

    @Column(nullable = false)
    public String category;

    @Column(name = "region_code", nullable = false)
    public String regionCode;

    @Column(name = "started_at", nullable = false)
    public OffsetDateTime startedAt;

    @Column(nullable = false)
    public OffsetDateTime deadline;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ComplaintStatus status;

    @Column(name = "status_at", nullable = false)
    public OffsetDateTime statusAt;

    @Column(name = "stopped_at")
    public OffsetDateTime stoppedAt;

    @Column(name = "breached_at")
    public OffsetDateTime breachedAt;

    /** Since when the clock waits for the citizen; {@code null} when it runs or is stopped. */
    @Column(name = "paused_at")
    public OffsetDateTime pausedAt;

    /** When the OPD holding it was set: the first routing, the latest re-route or transfer. */
    @Column(name = "opd_since")
    public OffsetDateTime opdSince;

    /** The name of the OPD holding it, as routing or a transfer named it. */
    @Column(name = "opd_name")
    public String opdName;

    /** The office time, in minutes, the policy gives to resolve it: its 50% and 75% marks are taken from it. */
    @Column(name = "resolution_minutes")
    public Integer resolutionMinutes;

    @Column(name = "first_response_deadline")
    public OffsetDateTime firstResponseDeadline;

    /** When the OPD first answered the citizen (acknowledged, replied, asked or resolved). */
    @Column(name = "first_response_at")
    public OffsetDateTime firstResponseAt;

    /** Office time from routing to that first answer, in minutes. */
    @Column(name = "first_response_minutes")
    public Integer firstResponseMinutes;

    /** The citizen's rating (1 to 5) when confirming the resolution. */
    public Short rating;

    @Column(name = "rated_at")
    public OffsetDateTime ratedAt;

    /** RUNNING, PAUSED (waiting for the citizen) or STOPPED (resolved or closed). */
    public String state() {
        return stoppedAt != null ? "STOPPED" : pausedAt != null ? "PAUSED" : "RUNNING";
    }
}
