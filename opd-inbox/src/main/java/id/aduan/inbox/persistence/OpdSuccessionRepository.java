package id.aduan.inbox.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * OPD mergers (table {@code opd_succession}) and the set-based moves of the merged OPDs' complaints. Native SQL: the
 * moves must say which OPD each complaint left, which only PostgreSQL's {@code update ... returning} can.
 */
@ApplicationScoped
public class OpdSuccessionRepository {

    /** Successors further than this are a cycle in bad data, not a real chain of mergers. */
    static final int MAX_CHAIN = 10;

    /** Who holds an OPD's work now. */
    public record Successor(String code, String name, String liaison, LocalDate effectiveOn) {
    }

    /** A complaint moved by a merger: its id, tracking number, status, and the OPD it left. */
    public record Moved(UUID id, String trackingNumber, String status, String fromCode) {
    }

    /** Records that {@code from} merged into {@code into}; a later announcement for the same OPD replaces it. */
    public Uni<Void> record(String from, Successor into, UUID eventId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into {h-schema}opd_succession (from_code, into_code, into_name, into_liaison,"
                                + " effective_on, event_id) values (:from, :into, :name, :liaison, :on, :event)"
                                + " on conflict (from_code) do update set into_code = excluded.into_code,"
                                + " into_name = excluded.into_name, into_liaison = excluded.into_liaison,"
                                + " effective_on = excluded.effective_on, event_id = excluded.event_id"
                                + " where opd_succession.effective_on <= excluded.effective_on")
                        .setParameter("from", from).setParameter("into", into.code())
                        .setParameter("name", into.name()).setParameter("liaison", into.liaison())
                        .setParameter("on", into.effectiveOn()).setParameter("event", eventId)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * The last successor of an OPD merged on or before {@code day}, following mergers of successors, or {@code null}
     * when the OPD was not merged by then.
     */
    public Uni<Successor> successorOf(String code, LocalDate day) {
        return inForceOn(day).map(mergers -> mergers.successorOf(code));
    }

    /**
     * Every merger in force on the day, to follow in memory: the table has one row per merged OPD, a handful. One
     * HQL query, whose plan Hibernate caches; the recursive native query it replaces missed the query plan cache on
     * every call and filled it with entries of one hash (a fifth of the inbox's CPU under load).
     */
    public Uni<Mergers> inForceOn(LocalDate day) {
        return Panache.getSession().chain(session -> session
                        .createSelectionQuery("from OpdSuccessionRecord where effectiveOn <= :day",
                                OpdSuccessionRecord.class)
                        .setParameter("day", day)
                        .setReadOnly(true)
                        .getResultList())
                .map(Mergers::new);
    }

    /** The mergers in force on one day. */
    public static final class Mergers {

        private final Map<String, OpdSuccessionRecord> byFrom = new HashMap<>();

        Mergers(List<OpdSuccessionRecord> rows) {
            rows.forEach(row -> byFrom.put(row.fromCode, row));
        }

        /** Who holds the OPD's work after every merger in force, or {@code null} when it was not merged. */
        public Successor successorOf(String code) {
            OpdSuccessionRecord last = null;
            String at = code;
            for (int depth = 0; depth < MAX_CHAIN; depth++) {
                OpdSuccessionRecord next = byFrom.get(at);
                if (next == null) {
                    break;
                }
                last = next;
                at = next.intoCode;
            }
            return last == null ? null
                    : new Successor(last.intoCode, last.intoName, last.intoLiaison, last.effectiveOn);
        }
    }

    /**
     * Moves every complaint of the given OPDs that is still open (not resolved or closed) to {@code into}, in one
     * statement, and bumps each version so that a staff action racing with the move fails (409) rather than acting
     * on the old OPD. {@code updated_at} stays: it is the time of the routing in force, and a re-route that happened
     * before the merger must still apply when it arrives late.
     */
    public Uni<List<Moved>> moveOpen(Collection<String> fromCodes, Successor into) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "with moving as (select id, opd_code from {h-schema}complaint"
                                + " where opd_code in (:from) and status not in ('RESOLVED', 'CLOSED') for update)"
                                + " update {h-schema}complaint c set opd_code = :into, opd_name = :name,"
                                + " liaison_opd_code = :liaison, version = c.version + 1"
                                + " from moving where c.id = moving.id"
                                + " returning c.id, c.tracking_number, c.status, moving.opd_code",
                        Object[].class)
                        .setParameter("from", fromCodes).setParameter("into", into.code())
                        .setParameter("name", into.name() == null ? into.code() : into.name())
                        .setParameter("liaison", into.liaison())
                        .getResultList())
                .map(rows -> rows.stream().map(r -> new Moved((UUID) r[0], (String) r[1], (String) r[2],
                        (String) r[3])).toList());
    }

    /**
     * Open complaints of other OPDs that the given OPDs followed up as liaison: the successor follows them up now.
     *
     * @return the ids of the complaints changed, with the liaison each had
     */
    public Uni<List<Moved>> moveLiaison(Collection<String> fromCodes, String into) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "with moving as (select id, liaison_opd_code from {h-schema}complaint"
                                + " where liaison_opd_code in (:from) and status not in ('RESOLVED', 'CLOSED')"
                                + " for update)"
                                + " update {h-schema}complaint c set liaison_opd_code = :into,"
                                + " version = c.version + 1 from moving where c.id = moving.id"
                                + " returning c.id, c.tracking_number, c.status, moving.liaison_opd_code",
                        Object[].class)
                        .setParameter("from", fromCodes).setParameter("into", into)
                        .getResultList())
                .map(rows -> rows.stream().map(r -> new Moved((UUID) r[0], (String) r[1], (String) r[2],
                        (String) r[3])).toList());
    }
}
