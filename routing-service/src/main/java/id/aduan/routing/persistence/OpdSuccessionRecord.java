package id.aduan.routing.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A merger or retirement, announced as OpdMerged once its day has come. */
@Entity
@Table(name = "opd_succession")
public class OpdSuccessionRecord extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "from_codes")
    public String fromCodes;
    @Column(name = "into_code")
    public String intoCode;
    @Column(name = "effective_on")
    public LocalDate effectiveOn;
    public String reason;
    public String actor;
    @Column(name = "announced_at")
    public OffsetDateTime announcedAt;
}
