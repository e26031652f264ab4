package id.aduan.inbox.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A staff member the inbox has seen, with the OPD of their token at the time. */
@Entity
@Table(name = "staff_member")
public class StaffMember extends PanacheEntityBase {

    @Id
    public String subject;

    @Column(nullable = false)
    public String username;

    @Column(name = "opd_code", nullable = false)
    public String opdCode;

    @Column(name = "last_seen", nullable = false)
    public OffsetDateTime lastSeen;
}
