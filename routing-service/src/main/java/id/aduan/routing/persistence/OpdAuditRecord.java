package id.aduan.routing.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import id.aduan.routing.domain.Opd;
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
    /** The merger or retirement this row is part of (the OPDs ended and any OPD created for it); else null. */
    @Column(name = "change_id")
    public UUID changeId;

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** A row for one change to one OPD, with the OPD before and after as JSON ({@code null}: did not exist). */
    public static OpdAuditRecord of(OffsetDateTime at, String actor, String actorName, String action, Opd before,
            Opd after, UUID changeId) {
        OpdAuditRecord a = new OpdAuditRecord();
        a.at = at;
        a.actor = actor;
        a.actorName = actorName;
        a.action = action;
        a.opdCode = (after != null ? after : before).code();
        a.before = json(before);
        a.after = json(after);
        a.changeId = changeId;
        return a;
    }

    private static String json(Opd opd) {
        try {
            return opd == null ? null : JSON.writeValueAsString(opd);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
