package id.aduan.inbox.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** A merged OPD and its successor from a day on (written by {@link OpdSuccessionRepository#record}). */
@Entity
@Table(name = "opd_succession")
public class OpdSuccessionRecord extends PanacheEntityBase {

    @Id
    @Column(name = "from_code")
    public String fromCode;

    @Column(name = "into_code", nullable = false)
    public String intoCode;

    @Column(name = "into_name")
    public String intoName;

    @Column(name = "into_liaison")
    public String intoLiaison;

    @Column(name = "effective_on", nullable = false)
    public LocalDate effectiveOn;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;
}
