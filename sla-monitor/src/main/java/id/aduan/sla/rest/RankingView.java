package id.aduan.sla.rest;

import id.aduan.sla.domain.RankingRow;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A daily ranking as the API gives it.
 *
 * @param stored            true when read from the history (computed by the 07:00 job or a recomputation); false
 *                          when computed for this request from the clocks as they are now
 * @param minimumLastDay    outcomes an OPD needs on the day to be ranked; below it, listed apart (rank null)
 * @param minimumLast30Days the same for the 30 days
 * @param lastDay           the working day's rows, ranked first, then those listed apart
 * @param last30Days        the 30 days ending on it
 */
public record RankingView(LocalDate day, OffsetDateTime computedAt, boolean stored, String formula,
        int minimumLastDay, int minimumLast30Days, List<RankingRow> lastDay, List<RankingRow> last30Days) {
}
