package id.aduan.sla.domain;

import id.aduan.events.EventEnvelope;
import id.aduan.events.EventIds;
import id.aduan.events.EventPayload;
import id.aduan.events.SlaBreached;
import id.aduan.events.SlaEscalated;
import id.aduan.events.SlaWarning;
import id.aduan.events.Wib;
import id.aduan.sla.config.SlaConfig;
import id.aduan.support.messaging.EventPublisher;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Announces each due threshold once: reads the due marks with one indexed query, hands their events to the channel's
 * Kafka producer at once and waits for Kafka's acknowledgements, then marks them announced in one statement, batch
 * after batch until none is due. A crash between the two republishes the same events (ids derived from the complaint, clock, threshold and deadline), which
 * consumers drop as duplicates. Pausing or stopping a clock drops its unannounced marks, so none is due by mistake.
 */
@ApplicationScoped
public class SlaSweep {

    private static final Logger LOG = Logger.getLogger(SlaSweep.class);
    static final String CHANNEL = "sla-events";
    /** Kafka away: the batch fails, its rows stay due, and the next sweep sends them again (the same ids). */
    private static final java.time.Duration PUBLISH_TIMEOUT = java.time.Duration.ofSeconds(30);

    private static final String DUE = "select m.complaint_id, m.clock, m.mark, m.due_at, m.deadline,"
            + " c.tracking_number, c.opd_code from sla.sla_mark m join sla.sla_clock c using (complaint_id)"
            + " where m.announced_at is null and m.due_at <= $1 order by m.due_at limit $2"
            + " for update of m skip locked";
    private static final String ANNOUNCED = "update sla.sla_mark m set announced_at = $1"
            + " from unnest($2::uuid[], $3::text[], $4::text[]) as d(complaint_id, clock, mark)"
            + " where m.complaint_id = d.complaint_id and m.clock = d.clock and m.mark = d.mark"
            + " and m.announced_at is null";
    private static final String BREACHED = "update sla.sla_clock set breached_at = $1"
            + " where complaint_id = any($2::uuid[]) and breached_at is null";

    /** One due threshold. */
    record Due(UUID complaintId, String clock, String mark, OffsetDateTime dueAt, OffsetDateTime deadline,
            String trackingNumber, String opdCode) {

        static Due of(Row row) {
            return new Due(row.getUUID("complaint_id"), row.getString("clock"), row.getString("mark"),
                    row.getOffsetDateTime("due_at"), row.getOffsetDateTime("deadline"),
                    row.getString("tracking_number"), row.getString("opd_code"));
        }

        EventEnvelope event() {
            OffsetDateTime deadline = Wib.of(this.deadline);
            EventPayload payload = switch (mark) {
                case SlaMarks.WARNING_50 -> new SlaWarning(trackingNumber, opdCode, clock, 50, deadline);
                case SlaMarks.WARNING_75 -> new SlaWarning(trackingNumber, opdCode, clock, 75, deadline);
                case SlaMarks.BREACH -> new SlaBreached(trackingNumber, opdCode, clock, deadline,
                        SlaBreached.OPD_HEAD);
                default -> new SlaEscalated(trackingNumber, opdCode, clock, SlaEscalated.GOVERNOR, deadline,
                        SlaMarks.ESCALATION_DAYS);
            };
            // A resolution breach keeps the id it had before warnings existed, so none is announced twice.
            String step = SlaMarks.BREACH.equals(mark) && SlaMarks.RESOLUTION.equals(clock)
                    ? "sla-breach/" + clock + "/" + deadline.toInstant()
                    : "sla/" + clock + "/" + mark + "/" + deadline.toInstant();
            return EventEnvelope.of(EventIds.derived(complaintId, step), complaintId, complaintId, null, payload,
                    Clock.fixed(dueAt.toInstant(), Wib.ZONE));
        }
    }

    @Inject
    Pool pool;

    /** Through channel sla-events (acks=all, idempotent). */
    @Inject
    EventPublisher publisher;

    @Inject
    SlaConfig config;

    @Inject
    Clock clock;

    @Scheduled(every = "${aduan.sla.sweep-every:30s}", delayed = "${aduan.sla.sweep-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return sweep()
                .invoke(n -> {
                    if (n > 0) {
                        LOG.infof("Announced %d SLA warnings, breaches and escalations", n);
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("SLA sweep failed, retried next time: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Announces every threshold due now; the number announced. */
    public Uni<Integer> sweep() {
        OffsetDateTime now = Wib.now(clock);
        int size = config.sweepBatchSize();
        return Multi.createBy().repeating().uni(() -> batch(now, size)).whilst(n -> n == size)
                .collect().with(Collectors.summingInt(n -> n));
    }

    /**
     * One batch, in one transaction that holds its rows while Kafka acknowledges: a second instance sweeping at the
     * same time skips them.
     */
    private Uni<Integer> batch(OffsetDateTime now, int size) {
        return pool.withTransaction(conn -> conn.preparedQuery(DUE).execute(Tuple.of(now, size))
                .map(rows -> {
                    List<Due> due = new ArrayList<>(rows.size());
                    rows.forEach(row -> due.add(Due.of(row)));
                    return due;
                })
                .chain(due -> due.isEmpty() ? Uni.createFrom().item(0)
                        : publisher.sendAll(CHANNEL, due.stream().map(Due::event).toList(), PUBLISH_TIMEOUT)
                                .chain(() -> announced(conn, due, now)).replaceWith(due.size())));
    }

    private static Uni<Void> announced(SqlConnection conn, List<Due> due, OffsetDateTime now) {
        UUID[] ids = due.stream().map(Due::complaintId).toArray(UUID[]::new);
        String[] clocks = due.stream().map(Due::clock).toArray(String[]::new);
        String[] marks = due.stream().map(Due::mark).toArray(String[]::new);
        UUID[] breached = due.stream().filter(d -> SlaMarks.BREACH.equals(d.mark())
                && SlaMarks.RESOLUTION.equals(d.clock())).map(Due::complaintId).toArray(UUID[]::new);
        return conn.preparedQuery(ANNOUNCED).execute(Tuple.of(now, ids, clocks, marks))
                .chain(() -> breached.length == 0 ? Uni.createFrom().voidItem()
                        : conn.preparedQuery(BREACHED).execute(Tuple.of(now, breached)).replaceWithVoid());
    }
}
