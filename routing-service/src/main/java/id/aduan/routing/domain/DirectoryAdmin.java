package id.aduan.routing.domain;

import id.aduan.events.EventEnvelope;
import id.aduan.events.EventIds;
import id.aduan.events.OpdMerged;
import id.aduan.events.Topics;
import id.aduan.events.Wib;
import id.aduan.routing.persistence.OpdAuditRecord;
import id.aduan.routing.persistence.OpdAuditRepository;
import id.aduan.routing.persistence.OpdRecord;
import id.aduan.routing.persistence.OpdRepository;
import id.aduan.routing.persistence.OpdSuccessionRecord;
import id.aduan.routing.persistence.OpdSuccessionRepository;
import id.aduan.support.messaging.EventPublisher;
import id.aduan.support.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Changes to the OPD directory: create, rename, merge, retire. Each change is checked against the rules in force
 * (a change that would leave a rule without an OPD is refused), stored with an audit row per OPD (who, when, before
 * and after) and bumps the directory's revision, all in one transaction; every instance then reloads it. A merger or
 * retirement is announced as OpdMerged on its day, through the outbox.
 */
@ApplicationScoped
public class DirectoryAdmin {

    /** Who makes the change: the admin's subject id (stable) and user name (readable). */
    public record Actor(String subject, String name) {
    }

    /** What a merger or retirement did. */
    public record Succession(UUID id, List<String> from, String into, LocalDate effectiveOn, boolean announced) {
    }

    @Inject
    Router router;

    @Inject
    Clock clock;

    @Inject
    EventPublisher publisher;

    @Inject
    OpdRepository opds;

    @Inject
    OpdAuditRepository audits;

    @Inject
    OpdSuccessionRepository successions;

    @WithTransaction
    public Uni<Opd> create(Actor actor, Opd opd) {
        return locked().chain(dir -> {
            if (dir.containsKey(opd.code())) {
                throw new ProblemException(409, "opd-exists", opd.code());
            }
            if (opd.activeFrom() != null && opd.activeFrom().isBefore(today())) {
                throw new ProblemException(400, "date-in-past", opd.activeFrom());
            }
            Opd created = new Opd(opd.code(), opd.name(), opd.level(), opd.region(), opd.liaison(), opd.activeFrom(),
                    null, null);
            dir.put(created.code(), created);
            check(dir);
            return opds.persist(OpdRecord.of(created))
                    .chain(() -> audit(actor, "CREATE", null, created, null))
                    .chain(this::bump).replaceWith(created);
        });
    }

    @WithTransaction
    public Uni<Opd> rename(Actor actor, String code, String name) {
        return locked().chain(dir -> {
            Opd before = known(dir, code);
            Opd after = before.renamed(name.strip());
            dir.put(code, after);
            check(dir);
            return save(after).chain(() -> audit(actor, "RENAME", before, after, null))
                    .chain(this::bump).replaceWith(after);
        });
    }

    /**
     * Merges {@code from} into {@code into} on {@code day}: from that day routing names {@code into}, and the open
     * complaints of {@code from} move to it. {@code into} is created when it does not exist yet (then
     * {@code intoName} is needed; it takes the level, region and liaison of the first OPD merged).
     */
    @WithTransaction
    public Uni<Succession> merge(Actor actor, List<String> from, String into, String intoName, LocalDate day,
            String reason) {
        return locked().chain(dir -> {
            LocalDate on = notPast(day);
            List<Opd> merged = active(dir, from);
            if (from.contains(into)) {
                throw new ProblemException(400, "merge-into-itself", into);
            }
            List<Opd> before = new ArrayList<>(merged);
            UUID change = UUID.randomUUID();
            Opd target = dir.get(into);
            Uni<Void> writes = Uni.createFrom().voidItem();
            if (target == null) {
                if (intoName == null || intoName.isBlank()) {
                    throw new ProblemException(400, "into-name-needed", into);
                }
                Opd first = merged.get(0);
                Opd created = new Opd(into, intoName.strip(), first.level(), first.region(), first.liaison(), on,
                        null, null);
                dir.put(into, created);
                writes = opds.persist(OpdRecord.of(created))
                        .chain(() -> audit(actor, "CREATE", null, created, change)).replaceWithVoid();
                target = created;
            } else if (target.activeUntil() != null) {
                throw new ProblemException(409, "opd-inactive", into, target.activeUntil());
            }
            for (Opd opd : merged) {
                dir.put(opd.code(), opd.endingOn(on, into));
            }
            check(dir);
            String why = reason != null && !reason.isBlank() ? reason.strip()
                    : String.join(" dan ", merged.stream().map(Opd::name).toList()) + " digabung ke " + target.name()
                            + " sejak " + on;
            return writes.chain(() -> ends(actor, "MERGE", before, dir, change))
                    .chain(() -> succession(change, actor, from, into, on, why));
        });
    }

    /**
     * Retires {@code code} on {@code day}: its work and open complaints go to {@code successor}, or to triage when
     * there is none (refused while a rule still names it).
     */
    @WithTransaction
    public Uni<Succession> retire(Actor actor, String code, LocalDate day, String successor, String reason) {
        return locked().chain(dir -> {
            LocalDate on = notPast(day);
            Opd before = active(dir, List.of(code)).get(0);
            String into = successor == null || successor.isBlank() ? null : successor.strip();
            if (into != null) {
                Opd target = known(dir, into);
                if (target.activeUntil() != null || into.equals(code)) {
                    throw new ProblemException(409, "opd-inactive", into, target.activeUntil());
                }
            }
            dir.put(code, before.endingOn(on, into));
            check(dir);
            String receiver = into == null ? router.rules().triage().code() : into;
            String why = reason != null && !reason.isBlank() ? reason.strip()
                    : before.name() + " tidak aktif lagi sejak " + on + "; pengaduannya ditangani "
                            + dir.get(receiver).name();
            UUID change = UUID.randomUUID();
            return ends(actor, "RETIRE", List.of(before), dir, change)
                    .chain(() -> succession(change, actor, List.of(code), receiver, on, why));
        });
    }

    /** Announces every merger and retirement whose day has come (OpdMerged through the outbox), once. */
    @WithTransaction
    public Uni<Integer> announceDue() {
        LocalDate today = today();
        return successions.dueLocked(today)
                .chain(due -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (OpdSuccessionRecord s : due) {
                        chain = chain.chain(() -> announce(s));
                    }
                    return chain.replaceWith(due.size());
                });
    }

    private Uni<Void> announce(OpdSuccessionRecord s) {
        return opds.findById(s.intoCode).chain(into -> {
            Opd opd = into.toOpd();
            OpdMerged merged = new OpdMerged(Arrays.asList(s.fromCodes.split(",")), opd.code(), opd.name(),
                    opd.isOutside() ? opd.liaison() : null, s.effectiveOn, s.reason, s.actor);
            EventEnvelope event = EventEnvelope.of(EventIds.derived(s.id, "announced"), s.id, s.id, null, merged,
                    clock);
            s.announcedAt = Wib.now(clock);
            return publisher.stage(Topics.OPD_DIRECTORY, event);
        });
    }

    /** @param change the id shared by the succession and the audit rows of the same change */
    private Uni<Succession> succession(UUID change, Actor actor, List<String> from, String into, LocalDate on,
            String why) {
        OpdSuccessionRecord s = new OpdSuccessionRecord();
        s.id = change;
        s.fromCodes = String.join(",", from);
        s.intoCode = into;
        s.effectiveOn = on;
        s.reason = why.length() > 600 ? why.substring(0, 600) : why;
        s.actor = actor.subject();
        boolean now = !on.isAfter(today());
        return successions.persist(s).chain(this::bump)
                .chain(() -> now ? announce(s) : Uni.createFrom().voidItem())
                .replaceWith(new Succession(s.id, List.copyOf(from), into, on, now));
    }

    /** Stores the end of each OPD (as {@code dir} now has it) with its audit row. */
    private Uni<Void> ends(Actor actor, String action, List<Opd> before, Map<String, Opd> dir, UUID change) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Opd old : before) {
            Opd after = dir.get(old.code());
            chain = chain.chain(() -> save(after)).chain(() -> audit(actor, action, old, after, change));
        }
        return chain;
    }

    /** The directory, locked against concurrent changes until the transaction ends. */
    private Uni<Map<String, Opd>> locked() {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select revision from {h-schema}directory_revision where id = 1 for update",
                        Long.class)
                .getSingleResult())
                .chain(ignored -> opds.listAll())
                .map(rows -> {
                    Map<String, Opd> dir = new LinkedHashMap<>();
                    rows.forEach(r -> dir.put(r.code, r.toOpd()));
                    return dir;
                });
    }

    private Uni<Void> bump() {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("update {h-schema}directory_revision set revision = revision + 1 where id = 1")
                .executeUpdate()).replaceWithVoid();
    }

    private Uni<Void> save(Opd opd) {
        return opds.findById(opd.code()).invoke(row -> row.copy(opd)).replaceWithVoid();
    }

    private Uni<Void> audit(Actor actor, String action, Opd before, Opd after, UUID change) {
        return audits.persist(OpdAuditRecord.of(Wib.now(clock), actor.subject(), actor.name(), action, before, after,
                change)).replaceWithVoid();
    }

    /** Refuses a directory under which a rule in force would name no OPD. */
    private void check(Map<String, Opd> dir) {
        try {
            router.rules().withOpds("directory change", List.copyOf(dir.values()));
        } catch (InvalidRuleSetException e) {
            throw new DirectoryRefusedException(e);
        }
    }

    private static Opd known(Map<String, Opd> dir, String code) {
        Opd opd = dir.get(code);
        if (opd == null) {
            throw new ProblemException(404, "opd-unknown", code);
        }
        return opd;
    }

    private List<Opd> active(Map<String, Opd> dir, List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            throw new ProblemException(400, "opd-unknown", "-");
        }
        List<Opd> found = new ArrayList<>();
        for (String code : codes.stream().distinct().toList()) {
            Opd opd = known(dir, code);
            if (opd.activeUntil() != null) {
                throw new ProblemException(409, "opd-inactive", code, opd.activeUntil());
            }
            if (code.equals(router.rules().triage().code())) {
                throw new ProblemException(409, "opd-triage", code);
            }
            found.add(opd);
        }
        return found;
    }

    private LocalDate notPast(LocalDate day) {
        if (day.isBefore(today())) {
            throw new ProblemException(400, "date-in-past", day);
        }
        return day;
    }

    private LocalDate today() {
        return Wib.now(clock).toLocalDate();
    }
}
