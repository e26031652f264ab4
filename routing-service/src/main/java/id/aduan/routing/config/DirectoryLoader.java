package id.aduan.routing.config;

import id.aduan.routing.domain.InvalidRuleSetException;
import id.aduan.routing.domain.Opd;
import id.aduan.routing.domain.Router;
import id.aduan.routing.domain.RuleSet;
import id.aduan.routing.persistence.OpdAuditRecord;
import id.aduan.routing.persistence.OpdAuditRepository;
import id.aduan.routing.persistence.OpdRecord;
import id.aduan.routing.persistence.OpdRepository;
import id.aduan.events.Wib;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Keeps the router's OPD directory equal to the database's. At start-up the rules file's OPDs that the database
 * does not have yet are added (never overwriting what the admin API changed); then, whenever the directory's
 * revision moves (a change by any instance), the directory is read again and routing continues with it.
 */
@ApplicationScoped
public class DirectoryLoader {

    private static final Logger LOG = Logger.getLogger(DirectoryLoader.class);

    @Inject
    Router router;

    @Inject
    Clock clock;

    @Inject
    OpdRepository opds;

    @Inject
    OpdAuditRepository audits;

    private volatile long revision = -1;

    /** Before Kafka consumers start routing: they must route with the stored directory, not the file's. */
    void onStart(@Observes @Priority(1) StartupEvent start) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> adopt(router.rules()));
    }

    /** Seeds the OPDs of a (new) rules file, then routes with those rules and the stored directory. */
    public Uni<RuleSet> adopt(RuleSet fileRules) {
        return Panache.withTransaction(() -> seed(fileRules)).chain(() -> reload(fileRules));
    }

    @Scheduled(every = "${aduan.routing.directory-check-every:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> check() {
        return Panache.withSession(() -> currentRevision())
                .chain(now -> now == revision ? Uni.createFrom().voidItem()
                        : reload(router.rules()).replaceWithVoid())
                .onFailure().invoke(e -> LOG.warnf("Directory not checked (%s); routing goes on with %s", e,
                        router.rules()))
                .onFailure().recoverWithNull();
    }

    /** Routes from now on with {@code rules} and the directory as stored. */
    public Uni<RuleSet> reload(RuleSet rules) {
        return Panache.withSession(() -> currentRevision().chain(rev -> opds.listAll()
                .map(rows -> {
                    List<Opd> directory = rows.stream().map(OpdRecord::toOpd).toList();
                    try {
                        RuleSet next = rules.withOpds("directory revision " + rev, directory);
                        router.replace(next);
                        if (rev != revision) {
                            LOG.infof("Routing with %s (directory revision %d)", next, rev);
                        }
                        revision = rev;
                        return next;
                    } catch (InvalidRuleSetException e) {
                        revision = rev; // reported once; the next change is checked again
                        LOG.errorf("Directory revision %d does not fit the rules; still routing with %s. %s", rev,
                                router.rules(), e.getMessage());
                        throw e;
                    }
                })));
    }

    private Uni<Void> seed(RuleSet fileRules) {
        return opds.listAll().chain(rows -> {
            Set<String> known = rows.stream().map(r -> r.code).collect(Collectors.toSet());
            List<Opd> missing = fileRules.opds().stream().filter(o -> !known.contains(o.code())).toList();
            if (missing.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            // Liaisons and successors first-come: insert in the file's order, provincial OPDs before the others.
            List<Opd> ordered = missing.stream().sorted((a, b) -> Boolean.compare(a.isOutside(), b.isOutside()))
                    .toList();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Opd opd : ordered) {
                chain = chain.chain(() -> opds.persist(OpdRecord.of(opd))).chain(() -> seeded(fileRules, opd));
            }
            LOG.infof("Directory: %d OPDs added from rules %s", missing.size(), fileRules.version());
            return chain.chain(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                    "update {h-schema}directory_revision set revision = revision + 1, seed_version = :v where id = 1")
                    .setParameter("v", fileRules.version()).executeUpdate())).replaceWithVoid();
        });
    }

    private Uni<Void> seeded(RuleSet fileRules, Opd opd) {
        return audits.persist(OpdAuditRecord.of(Wib.now(clock), "seed:" + fileRules.version(), null, "SEED", null,
                opd, null)).replaceWithVoid();
    }

    private static Uni<Long> currentRevision() {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "select revision from {h-schema}directory_revision where id = 1", Long.class).getSingleResult());
    }
}
