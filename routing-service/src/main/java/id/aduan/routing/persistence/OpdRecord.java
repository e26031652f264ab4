package id.aduan.routing.persistence;

import id.aduan.routing.domain.Opd;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** One OPD of the directory, as stored. The domain works on {@link Opd}; this is only its row. */
@Entity
@Table(name = "opd")
public class OpdRecord extends PanacheEntityBase {

    @Id
    public String code;
    public String name;
    public String level;
    public String region;
    public String liaison;
    @Column(name = "active_from")
    public LocalDate activeFrom;
    @Column(name = "active_until")
    public LocalDate activeUntil;
    public String successor;

    public Opd toOpd() {
        return new Opd(code, name, level, region, liaison, activeFrom, activeUntil, successor);
    }

    public static OpdRecord of(Opd opd) {
        OpdRecord r = new OpdRecord();
        r.code = opd.code();
        r.copy(opd);
        return r;
    }

    /** Takes every field but the code. */
    public void copy(Opd opd) {
        name = opd.name();
        level = opd.level();
        region = opd.region();
        liaison = opd.liaison();
        activeFrom = opd.activeFrom();
        activeUntil = opd.activeUntil();
        successor = opd.successor();
    }
}
