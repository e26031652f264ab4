package id.aduan.intake.persistence;

import id.aduan.events.Category;
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

/** A row of intake's public status read model. Never returned by the API as is. */
@Entity
@Table(name = "complaint_status")
public class ComplaintStatusRecord extends PanacheEntityBase {

    @Id
    @Column(name = "complaint_id")
    public UUID complaintId;

    @Column(name = "tracking_number", nullable = false, unique = true)
    public String trackingNumber;

    @Column(nullable = false)
    public String category;

    @Column(name = "region_code", nullable = false)
    public String regionCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ComplaintStatus status;

    @Column(name = "opd_code")
    public String opdCode;

    @Column(name = "opd_name")
    public String opdName;

    /** For an office outside the province's government, the provincial OPD that handles it for them. */
    @Column(name = "liaison_opd_code")
    public String liaisonOpdCode;

    @Column(name = "submitted_at", nullable = false)
    public OffsetDateTime submittedAt;

    @Column(name = "status_at", nullable = false)
    public OffsetDateTime statusAt;

    @Column(nullable = false)
    public boolean confirmed;

    /** anonim: the reporter's identity is hidden from OPD staff. */
    @Column(nullable = false)
    public boolean anonymous;

    /** rahasia: never shown publicly. */
    @Column(nullable = false)
    public boolean confidential;

    /** SHA-256 (hex) of the citizen's secret token; the token itself is only ever given to the citizen. */
    @Column(name = "citizen_token_hash")
    public String citizenTokenHash;

    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;

    public Double latitude;

    public Double longitude;

    /** The desa (or kecamatan) code the complaint named, for duplicate detection. */
    @Column(name = "place_code")
    public String placeCode;

    /** The earlier complaint this one may repeat. */
    @Column(name = "duplicate_of")
    public UUID duplicateOf;

    /** The citizen's words, normalized; public unless the complaint is rahasia. */
    public String description;

    public String address;

    public Category categoryCode() {
        return Category.ofCode(category).orElse(Category.UNKNOWN);
    }
}
