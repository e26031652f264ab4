package id.aduan.sla.persistence;

import id.aduan.events.DailyRanking;
import id.aduan.events.EventEnvelope;
import id.aduan.events.Topics;
import id.aduan.sla.domain.Ranking;
import id.aduan.sla.domain.RankingRow;
import id.aduan.sla.domain.Rankings;
import id.aduan.support.messaging.EventPublisher;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The history of daily rankings (table daily_ranking): one row per day, period and OPD. */
@ApplicationScoped
public class RankingStore {

    private static final String COLUMNS = "day, period, opd_code, opd_name, rank, score, received, fr_outcomes,"
            + " fr_on_time_pct, res_outcomes, res_on_time_pct, fr_median_hours, fr_p90_hours, open_overdue, ratings,"
            + " mean_rating, computed_at";
    private static final int PER_ROW = 17;

    /** One OPD's 30-day score on one day. */
    public record Score(LocalDate day, String opdCode, BigDecimal score) {
    }

    @Inject
    Pool pool;

    @Inject
    EventPublisher publisher;

    /** Replaces the day's rows with the ranking's and puts its event in the outbox, in one transaction. */
    @WithTransaction
    public Uni<Void> replace(Ranking ranking, EventEnvelope event) {
        List<RankingRow> rows = Stream.concat(ranking.lastDay().stream(), ranking.last30Days().stream()).toList();
        Uni<Integer> deleted = Panache.getSession().chain(s -> s.createNativeQuery(
                "delete from {h-schema}daily_ranking where day = ?1").setParameter(1, ranking.day()).executeUpdate());
        Uni<Integer> inserted = rows.isEmpty() ? Uni.createFrom().item(0) : Panache.getSession().chain(s -> {
            StringBuilder sql = new StringBuilder("insert into {h-schema}daily_ranking (" + COLUMNS + ") values ");
            for (int i = 0; i < rows.size(); i++) {
                sql.append(i == 0 ? "(" : ", (");
                for (int c = 1; c <= PER_ROW; c++) {
                    sql.append(c == 1 ? "" : ", ").append('?').append(i * PER_ROW + c);
                }
                sql.append(')');
            }
            var query = s.createNativeQuery(sql.toString());
            for (int i = 0; i < rows.size(); i++) {
                String period = rows.get(i).period();
                DailyRanking.Row r = rows.get(i).figures();
                Object[] values = {ranking.day(), period, r.opdCode(), r.opdName(), r.rank(), r.score(),
                    r.received(), r.firstResponseOutcomes(), r.firstResponseOnTimePct(), r.resolutionOutcomes(),
                    r.resolvedOnTimePct(), r.medianFirstResponseHours(), r.p90FirstResponseHours(), r.openOverdue(),
                    r.ratings(), r.meanRating(), ranking.computedAt()};
                for (int c = 0; c < PER_ROW; c++) {
                    query.setParameter(i * PER_ROW + c + 1, values[c]);
                }
            }
            return query.executeUpdate();
        });
        return deleted.chain(() -> inserted).chain(() -> publisher.stage(Topics.SLA_RANKINGS, event));
    }

    public Uni<Boolean> exists(LocalDate day) {
        return pool.preparedQuery("select 1 from sla.daily_ranking where day = $1 limit 1").execute(Tuple.of(day))
                .map(rows -> rows.size() > 0);
    }

    /** The stored ranking of the day, if it was computed. */
    public Uni<Optional<Ranking>> load(LocalDate day) {
        return pool.preparedQuery("select " + COLUMNS + " from sla.daily_ranking where day = $1"
                        + " order by period, rank nulls last, opd_code").execute(Tuple.of(day))
                .map(rows -> {
                    List<RankingRow> lastDay = new ArrayList<>();
                    List<RankingRow> last30 = new ArrayList<>();
                    OffsetDateTime computedAt = null;
                    for (Row row : rows) {
                        RankingRow r = row(row);
                        (Rankings.DAY.equals(r.period()) ? lastDay : last30).add(r);
                        computedAt = row.getOffsetDateTime("computed_at");
                    }
                    return computedAt == null ? Optional.empty()
                            : Optional.of(new Ranking(day, computedAt, lastDay, last30, true));
                });
    }

    /** The scores of one period from the days {@code from} to {@code to}, by day. */
    public Uni<List<Score>> scores(LocalDate from, LocalDate to, String period) {
        return pool.preparedQuery("select day, opd_code, score from sla.daily_ranking"
                        + " where day between $1 and $2 and period = $3 order by day, opd_code")
                .execute(Tuple.of(from, to, period))
                .map(rows -> {
                    List<Score> scores = new ArrayList<>();
                    rows.forEach(row -> scores.add(new Score(row.getLocalDate("day"), row.getString("opd_code"),
                            row.getBigDecimal("score"))));
                    return scores;
                });
    }

    private static RankingRow row(Row row) {
        return new RankingRow(row.getString("period"), new DailyRanking.Row(row.getInteger("rank"),
                row.getString("opd_code"), row.getString("opd_name"), row.getBigDecimal("score"),
                row.getInteger("received"), row.getInteger("fr_outcomes"), row.getBigDecimal("fr_on_time_pct"),
                row.getInteger("res_outcomes"), row.getBigDecimal("res_on_time_pct"),
                row.getBigDecimal("fr_median_hours"), row.getBigDecimal("fr_p90_hours"),
                row.getInteger("open_overdue"), row.getInteger("ratings"), row.getBigDecimal("mean_rating")));
    }
}
