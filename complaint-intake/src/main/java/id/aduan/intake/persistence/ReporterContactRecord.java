package id.aduan.intake.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** The reporter's contact: personal data that stays in intake's database. */
@Entity
@Table(name = "reporter_contact")
public class ReporterContactRecord extends PanacheEntityBase {

    @Id
    @Column(name = "complaint_id")
    public UUID complaintId;

    public String name;

    public String phone;

    public String email;

    /** Never print personal data, not even by accident in a log line. */
    @Override
    public String toString() {
        return "ReporterContactRecord[" + complaintId + "]";
    }
}
