package id.aduan.inbox.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;

/** sla-monitor's clocks as the inbox keeps them: a table of their own, copied onto the complaint when it exists. */
@ApplicationScoped
public class SlaClockViewRepository {

    /** Keeps the newest announcement of a complaint's clock and shows it on the complaint. */
    public Uni<Void> clockChanged(UUID complaintId, String state, OffsetDateTime deadline, OffsetDateTime at) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into {h-schema}sla_clock_view (complaint_id, state, deadline, changed_at)"
                                + " values (:id, :state, :deadline, :at) on conflict (complaint_id) do update"
                                + " set state = excluded.state, deadline = excluded.deadline,"
                                + " changed_at = excluded.changed_at"
                                + " where sla_clock_view.changed_at <= excluded.changed_at")
                        .setParameter("id", complaintId).setParameter("state", state)
                        .setParameter("deadline", deadline).setParameter("at", at)
                        .executeUpdate())
                .chain(() -> copyToComplaint(complaintId));
    }

    /** Shows the latest threshold announced (a warning, a breach, an escalation) as the complaint's flag. */
    public Uni<Void> flagged(UUID complaintId, String flag, OffsetDateTime at) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "update {h-schema}sla_clock_view set flag = :flag, flag_at = :at where complaint_id = :id"
                                + " and (flag_at is null or flag_at <= :at)")
                        .setParameter("id", complaintId).setParameter("flag", flag).setParameter("at", at)
                        .executeUpdate())
                .chain(() -> copyToComplaint(complaintId));
    }

    public Uni<Void> breached(UUID complaintId, OffsetDateTime at) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "update {h-schema}sla_clock_view set breached_at = :at where complaint_id = :id")
                        .setParameter("id", complaintId).setParameter("at", at).executeUpdate())
                .chain(() -> copyToComplaint(complaintId));
    }

    /** Shows the clock on its complaint (nothing happens until the complaint is in the inbox). */
    public Uni<Void> copyToComplaint(UUID complaintId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "update {h-schema}complaint c set deadline = v.deadline, sla_state = v.state,"
                                + " sla_breached_at = v.breached_at, sla_flag = v.flag from {h-schema}sla_clock_view v"
                                + " where v.complaint_id = c.id and c.id = :id")
                        .setParameter("id", complaintId).executeUpdate())
                .replaceWithVoid();
    }
}
