package id.aduan.intake.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** An Idempotency-Key already used, the request it came with, and the complaint it made. */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyKeyRecord extends PanacheEntityBase {

    @Id
    @Column(name = "idempotency_key")
    public String key;

    /** SHA-256 (hex) of the request as read: the same key with other content is refused. */
    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(name = "complaint_id", nullable = false)
    public UUID complaintId;

    /** Returned again on a retry; kept only as long as the key (see IdempotencyKeyExpiry). */
    @Column(name = "citizen_token", nullable = false)
    public String citizenToken;
}
