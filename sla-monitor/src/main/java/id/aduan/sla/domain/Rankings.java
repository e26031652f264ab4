package id.aduan.sla.domain;

import id.aduan.events.DailyRanking;
import id.aduan.events.EventEnvelope;
import id.aduan.events.EventIds;
import id.aduan.events.Wib;
import id.aduan.sla.config.RankingConfig;
import id.aduan.sla.persistence.RankingStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The governor's daily ranking of OPDs, from the clocks in one set-based query per period. Periods are days in
 * Asia/Jakarta. Each complaint counts under the OPD holding it now, or, if that OPD merged into another on or before
 * the ranked day, under its successor.
 * <ul>
 * <li>received: clocks started (first routings) in the period;</li>
 * <li>a first-response outcome happens when the OPD first answers or, if it has not, at the first-response deadline;
 * it is on time when the answer came by the deadline. Each complaint has one outcome, counted in the period it fell
 * in; the same for resolution, with its deadline (a clock paused for the citizen before its deadline has none
 * yet);</li>
 * <li>median and p90 time to first response: office time from routing to the answers given in the period;</li>
 * <li>open overdue: open at the period's end, past the resolution deadline;</li>
 * <li>mean rating: the citizens' confirmations in the period.</li>
 * </ul>
 * {@value #FORMULA}
 */
@ApplicationScoped
public class Rankings {

    public static final String DAY = "DAY";
    public static final String DAYS_30 = "DAYS_30";
    public static final String FORMULA = "score = (40 × first responses on time % + 40 × resolved on time %"
            + " + 20 × rating %) ÷ the weights of the parts that have data, where rating % = (mean rating − 1) ÷ 4 ×"
            + " 100; ranked by score, then first responses on time, then received. An OPD with fewer outcomes"
            + " (first responses plus resolutions) than the period's minimum is listed apart.";
    /** Rankings are computed from 07:00 for the previous working day. */
    public static final LocalTime DUE_AT = LocalTime.of(7, 0);
    private static final UUID NAMESPACE = UUID.nameUUIDFromBytes("aduan/daily-ranking".getBytes(StandardCharsets.UTF_8));

    private static final String FR_OUTCOME = "least(first_response_at, first_response_deadline)";
    private static final String RES_OUTCOME = "least(stopped_at, deadline)";
    private static final String IN = " >= $1 and %s < $2";
    private static final String FIGURES = "select opd_code, max(opd_name) as opd_name,"
            + " count(*) filter (where started_at >= $1 and started_at < $2) as received,"
            + " count(*) filter (where " + in(FR_OUTCOME) + ") as fr_outcomes,"
            + " count(*) filter (where " + in(FR_OUTCOME) + " and first_response_at <= first_response_deadline)"
            + " as fr_on_time,"
            + " count(*) filter (where " + in(RES_OUTCOME) + " and (stopped_at is not null or paused_at is null"
            + " or paused_at >= deadline)) as res_outcomes,"
            + " count(*) filter (where " + in("stopped_at") + " and stopped_at <= deadline) as res_on_time,"
            + " percentile_cont(0.5) within group (order by first_response_minutes)"
            + " filter (where " + in("first_response_at") + ") as fr_median,"
            + " percentile_cont(0.9) within group (order by first_response_minutes)"
            + " filter (where " + in("first_response_at") + ") as fr_p90,"
            + " count(*) filter (where (stopped_at is null or stopped_at >= $2) and deadline < $2"
            + " and (paused_at is null or paused_at >= deadline)) as open_overdue,"
            + " count(rating) filter (where " + in("rated_at") + ") as ratings,"
            + " avg(rating) filter (where " + in("rated_at") + ") as mean_rating"
            // A merged OPD's complaints count under its successor ($3 merged, $4 successors, $5 their names).
            + " from (select coalesce(m.into_code, c.opd_code) as opd_code,"
            + " coalesce(m.into_name, c.opd_name) as opd_name, c.started_at, c.first_response_at,"
            + " c.first_response_deadline, c.first_response_minutes, c.stopped_at, c.deadline, c.paused_at,"
            + " c.rating, c.rated_at from sla.sla_clock c"
            + " left join unnest($3::text[], $4::text[], $5::text[]) as m(from_code, into_code, into_name)"
            + " on m.from_code = c.opd_code"
            + " where c.started_at < $2 and (c.stopped_at is null or c.stopped_at >= $1 or c.rated_at >= $1)) as x"
            + " group by opd_code";

    @Inject
    Pool pool;

    @Inject
    RankingStore store;

    @Inject
    OpdSuccessions successions;

    @Inject
    Calendars calendars;

    @Inject
    RankingConfig config;

    @Inject
    Clock clock;

    private static String in(String expression) {
        return expression + String.format(IN, expression);
    }

    /** The day's ranking as it stands now, not stored. */
    public Uni<Ranking> compute(LocalDate day) {
        OffsetDateTime from = start(day);
        OffsetDateTime to = start(day.plusDays(1));
        OffsetDateTime computedAt = Wib.now(clock);
        return successions.asOf(day).chain(merged -> figures(from, to, DAY, config.minimumLastDay(), merged)
                .chain(lastDay -> figures(start(day.minusDays(29)), to, DAYS_30, config.minimumLast30Days(), merged)
                        .map(last30 -> new Ranking(day, computedAt, lastDay, last30, false))));
    }

    /** Computes the day's ranking, keeps it in the history (replacing an earlier one) and publishes it. */
    public Uni<Ranking> recompute(LocalDate day) {
        return compute(day).chain(r -> {
            Ranking stored = new Ranking(r.day(), r.computedAt(), r.lastDay(), r.last30Days(), true);
            return store.replace(stored, event(stored)).replaceWith(stored);
        });
    }

    /** The stored ranking of the day, else one computed now (not stored). */
    public Uni<Ranking> of(LocalDate day) {
        return store.load(day).chain(found -> found.isPresent() ? Uni.createFrom().item(found.get()) : compute(day));
    }

    /**
     * The job's work: from 07:00, ranks the previous working day if it has not been ranked yet.
     *
     * @return the day ranked, if any
     */
    public Uni<Optional<LocalDate>> rankIfDue() {
        OffsetDateTime now = Wib.now(clock);
        if (now.toLocalTime().isBefore(DUE_AT)) {
            return Uni.createFrom().item(Optional.empty());
        }
        LocalDate day = previousWorkingDay(now.toLocalDate());
        return store.exists(day).chain(exists -> exists ? Uni.createFrom().item(Optional.<LocalDate>empty())
                : recompute(day).map(r -> Optional.of(day)));
    }

    /** The last working day before {@code today}. */
    public LocalDate previousWorkingDay(LocalDate today) {
        LocalDate day = today.minusDays(1);
        for (int i = 0; i < 60 && !calendars.current().isWorkingDay(day); i++) {
            day = day.minusDays(1);
        }
        return day;
    }

    /** The first working day after {@code day}. */
    public LocalDate nextWorkingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        for (int i = 0; i < 60 && !calendars.current().isWorkingDay(next); i++) {
            next = next.plusDays(1);
        }
        return next;
    }

    /** The 30-day scores of the days from {@code from} to {@code to}, per OPD, from the history. */
    public Uni<List<RankingStore.Score>> trend(LocalDate from, LocalDate to) {
        return store.scores(from, to, DAYS_30);
    }

    private Uni<List<RankingRow>> figures(OffsetDateTime from, OffsetDateTime to, String period, int minimum,
            Map<String, OpdSuccessions.Successor> merged) {
        String[] fromCodes = merged.keySet().toArray(String[]::new);
        String[] intoCodes = merged.values().stream().map(OpdSuccessions.Successor::code).toArray(String[]::new);
        String[] intoNames = merged.values().stream().map(OpdSuccessions.Successor::name).toArray(String[]::new);
        return pool.preparedQuery(FIGURES).execute(Tuple.of(from, to, fromCodes, intoCodes, intoNames)).map(rows -> {
            List<RankingRow> rowsOut = new ArrayList<>();
            rows.forEach(row -> rowsOut.add(figuresOf(row, period)));
            return rank(rowsOut, minimum);
        });
    }

    private static RankingRow figuresOf(Row row, String period) {
        int frOutcomes = row.getLong("fr_outcomes").intValue();
        int resOutcomes = row.getLong("res_outcomes").intValue();
        int ratings = row.getLong("ratings").intValue();
        BigDecimal frPct = pct(row.getLong("fr_on_time"), frOutcomes);
        BigDecimal resPct = pct(row.getLong("res_on_time"), resOutcomes);
        BigDecimal mean = number(row.getValue("mean_rating"), 2);
        return new RankingRow(period, new DailyRanking.Row(null, row.getString("opd_code"), row.getString("opd_name"),
                score(frPct, resPct, mean), row.getLong("received").intValue(), frOutcomes, frPct, resOutcomes,
                resPct, hours(row.getValue("fr_median")), hours(row.getValue("fr_p90")),
                row.getLong("open_overdue").intValue(), ratings, mean));
    }

    /** Ranks the rows with enough outcomes and a score; the rest follow, unranked, by code. */
    static List<RankingRow> rank(List<RankingRow> rows, int minimum) {
        Comparator<DailyRanking.Row> best = Comparator.comparing(DailyRanking.Row::score, Comparator.reverseOrder())
                .thenComparing(r -> r.firstResponseOnTimePct() == null ? BigDecimal.valueOf(-1)
                        : r.firstResponseOnTimePct(), Comparator.reverseOrder())
                .thenComparing(DailyRanking.Row::received, Comparator.reverseOrder())
                .thenComparing(DailyRanking.Row::opdCode);
        List<RankingRow> ranked = rows.stream()
                .filter(r -> r.figures().score() != null
                        && r.figures().firstResponseOutcomes() + r.figures().resolutionOutcomes() >= minimum)
                .sorted(Comparator.comparing(RankingRow::figures, best)).toList();
        List<RankingRow> result = new ArrayList<>(rows.size());
        for (int i = 0; i < ranked.size(); i++) {
            RankingRow r = ranked.get(i);
            result.add(new RankingRow(r.period(), withRank(r.figures(), i + 1)));
        }
        rows.stream().filter(r -> !ranked.contains(r)).sorted(Comparator.comparing(r -> r.figures().opdCode()))
                .forEach(result::add);
        return result;
    }

    /** The same figures with their rank (the event's rows are immutable). */
    private static DailyRanking.Row withRank(DailyRanking.Row r, int rank) {
        return new DailyRanking.Row(rank, r.opdCode(), r.opdName(), r.score(), r.received(), r.firstResponseOutcomes(),
                r.firstResponseOnTimePct(), r.resolutionOutcomes(), r.resolvedOnTimePct(), r.medianFirstResponseHours(),
                r.p90FirstResponseHours(), r.openOverdue(), r.ratings(), r.meanRating());
    }

    /** {@value #FORMULA} */
    static BigDecimal score(BigDecimal firstResponsePct, BigDecimal resolvedPct, BigDecimal meanRating) {
        double sum = 0;
        double weights = 0;
        if (firstResponsePct != null) {
            sum += 40 * firstResponsePct.doubleValue();
            weights += 40;
        }
        if (resolvedPct != null) {
            sum += 40 * resolvedPct.doubleValue();
            weights += 40;
        }
        if (meanRating != null) {
            sum += 20 * (meanRating.doubleValue() - 1) / 4 * 100;
            weights += 20;
        }
        return weights == 0 ? null : BigDecimal.valueOf(sum / weights).setScale(1, RoundingMode.HALF_UP);
    }

    private static BigDecimal pct(Long part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100.0 / whole).setScale(1, RoundingMode.HALF_UP);
    }

    private static BigDecimal hours(Object minutes) {
        return minutes == null ? null
                : BigDecimal.valueOf(((Number) minutes).doubleValue() / 60).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal number(Object value, int scale) {
        return value == null ? null
                : new BigDecimal(value.toString()).setScale(scale, RoundingMode.HALF_UP);
    }

    private static OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay(Wib.ZONE).toOffsetDateTime();
    }

    private EventEnvelope event(Ranking r) {
        UUID dayId = EventIds.derived(NAMESPACE, r.day().toString());
        DailyRanking payload = new DailyRanking(r.day(), r.computedAt(), FORMULA, config.minimumLastDay(),
                config.minimumLast30Days(), r.lastDay().stream().map(RankingRow::figures).toList(),
                r.last30Days().stream().map(RankingRow::figures).toList());
        return EventEnvelope.of(EventIds.derived(dayId, r.computedAt().toInstant().toString()), dayId, dayId, null,
                payload, Clock.fixed(r.computedAt().toInstant(), Wib.ZONE));
    }
}
