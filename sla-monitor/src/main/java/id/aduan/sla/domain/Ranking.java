package id.aduan.sla.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The OPDs ranked for one working day and for the 30 days ending on it; in each list the ranked rows come first, in
 * rank order, then those listed apart.
 *
 * @param stored whether this is the ranking kept in the history (else computed for the asker only)
 */
public record Ranking(LocalDate day, OffsetDateTime computedAt, List<RankingRow> lastDay,
        List<RankingRow> last30Days, boolean stored) {
}
