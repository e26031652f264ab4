package id.aduan.routing.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One change to one OPD: who, when, and the OPD before and after (JSON). Written, never updated. */
@Entity
@Table(name = "opd_audit")
public class OpdAuditRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public OffsetDateTime at;
    public String actor;
    @Column(name = "actor_name")
    public String actorName;
    public String action;
    @Column(name = "opd_code")
    public String opdCode;
    @Column(name = "before_state")
    public String before;
    @Column(name = "after_state")
    public String after;
    @Column(name = "change_id")
    public UUID changeId;
}
