package id.aduan.sla.domain;

import id.aduan.events.Wib;
import id.aduan.sla.persistence.SlaClock;
import id.aduan.sla.persistence.SlaClockRepository;
import id.aduan.sla.persistence.SlaPauseRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Re-computes the open deadlines a calendar correction can move. The correction and a request to re-compute its day
 * are stored in one transaction (table calendar_recompute); this job, every 5 s, reloads the calendar and works through
 * the open clocks whose span covers the day, 500 per transaction, then drops the request. A crash part-way repeats
 * the day, which changes nothing twice (the same deadlines, announced under the same event ids).
 */
@ApplicationScoped
public class DeadlineRecomputation {

    private static final Logger LOG = Logger.getLogger(DeadlineRecomputation.class);
    private static final int BATCH = 500;

    @Inject
    Calendars calendars;

    @Inject
    SlaClockRepository clocks;

    @Inject
    SlaPauseRepository pauses;

    @Inject
    SlaProjection projection;

    @Scheduled(every = "${aduan.sla.recompute-every:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return runRequested().onFailure().invoke(e -> LOG.warnf("Deadline re-computation failed, retried: %s",
                e.toString())).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Works through every requested day; the number of clocks whose deadlines moved. */
    public Uni<Integer> runRequested() {
        return requested().chain(days -> days.isEmpty() ? Uni.createFrom().item(0)
                : calendars.refresh().chain(() -> Multi.createFrom().iterable(days)
                        .onItem().transformToUniAndConcatenate(day -> recompute(day).call(() -> done(day))
                                .invoke(n -> LOG.infof("Calendar change of %s: %d open deadlines re-computed", day,
                                        n)))
                        .collect().with(java.util.stream.Collectors.summingInt(n -> n))));
    }

    /** The open clocks that may cover {@code day}: started before it ended, due after it began (a day's slack). */
    public Uni<Integer> recompute(LocalDate day) {
        OffsetDateTime startedBefore = day.plusDays(2).atStartOfDay(Wib.ZONE).toOffsetDateTime();
        OffsetDateTime dueAfter = day.minusDays(1).atStartOfDay(Wib.ZONE).toOffsetDateTime();
        AtomicReference<UUID> after = new AtomicReference<>(new UUID(0, 0)); // the lowest in PostgreSQL's order
        AtomicInteger moved = new AtomicInteger();
        return Multi.createBy().repeating().uni(() -> batch(after.get(), startedBefore, dueAfter)
                        .invoke(result -> {
                            moved.addAndGet(result.moved());
                            if (result.last() != null) {
                                after.set(result.last());
                            }
                        }))
                .whilst(result -> result.size() == BATCH)
                .collect().last().replaceWith(moved::get);
    }

    record Batch(int size, int moved, UUID last) {
    }

    @WithTransaction
    Uni<Batch> batch(UUID after, OffsetDateTime startedBefore, OffsetDateTime dueAfter) {
        return clocks.find("stoppedAt is null and complaintId > :after and startedAt < :before"
                                + " and (deadline >= :due or firstResponseDeadline >= :due) order by complaintId",
                        Parameters.with("after", after).and("before", startedBefore).and("due", dueAfter))
                .page(0, BATCH).list()
                .chain(list -> list.isEmpty() ? Uni.createFrom().item(new Batch(0, 0, null))
                        : pauses.of(list.stream().map(c -> c.complaintId).toList()).chain(stood -> {
                            AtomicInteger moved = new AtomicInteger();
                            Uni<Void> chain = Uni.createFrom().voidItem();
                            for (SlaClock c : list) {
                                chain = chain.chain(() -> projection.recompute(c,
                                        stood.getOrDefault(c.complaintId, List.of()))
                                        .invoke(changed -> {
                                            if (changed) {
                                                moved.incrementAndGet();
                                            }
                                        }).replaceWithVoid());
                            }
                            return chain.map(v -> new Batch(list.size(), moved.get(),
                                    list.get(list.size() - 1).complaintId));
                        }));
    }

    @WithTransaction
    Uni<List<LocalDate>> requested() {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "select day from {h-schema}calendar_recompute order by day", LocalDate.class).getResultList());
    }

    @WithTransaction
    Uni<Void> done(LocalDate day) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "delete from {h-schema}calendar_recompute where day = ?1").setParameter(1, day).executeUpdate())
                .replaceWithVoid();
    }
}
