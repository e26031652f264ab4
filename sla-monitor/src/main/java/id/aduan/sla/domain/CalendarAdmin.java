package id.aduan.sla.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;

/**
 * Corrections of the working-day calendar. Each one is stored with a request to re-compute the open deadlines around
 * its day, in one transaction, so that no correction is left without its re-computation ({@link
 * DeadlineRecomputation}).
 */
@ApplicationScoped
public class CalendarAdmin {

    /** Makes {@code day} a holiday, collective leave, or a working day again (kind {@code kerja}). */
    @WithTransaction
    public Uni<Void> correct(LocalDate day, String kind, String name, String source, String actor) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "insert into {h-schema}calendar_day (day, kind, name, source, changed_by) values (?1, ?2, ?3, ?4,"
                                + " ?5) on conflict (day) do update set kind = excluded.kind, name = excluded.name,"
                                + " source = excluded.source, changed_by = excluded.changed_by,"
                                + " changed_at = clock_timestamp()")
                        .setParameter(1, day).setParameter(2, kind).setParameter(3, name).setParameter(4, source)
                        .setParameter(5, actor).executeUpdate())
                .chain(() -> requestRecomputation(day));
    }

    /** Drops the correction of {@code day}, back to the built-in file; false if there was none. */
    @WithTransaction
    public Uni<Boolean> remove(LocalDate day) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "delete from {h-schema}calendar_day where day = ?1").setParameter(1, day).executeUpdate())
                .chain(n -> n == 0 ? Uni.createFrom().item(false) : requestRecomputation(day).replaceWith(true));
    }

    private static Uni<Void> requestRecomputation(LocalDate day) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "insert into {h-schema}calendar_recompute (day) values (?1) on conflict (day) do update"
                                + " set requested_at = clock_timestamp()").setParameter(1, day).executeUpdate())
                .replaceWithVoid();
    }
}
