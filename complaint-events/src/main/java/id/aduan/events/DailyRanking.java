package id.aduan.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The OPDs ranked by responsiveness for one working day and for the 30 days ending on it. Topic
 * {@value Topics#SLA_RANKINGS}. The envelope's {@code complaintId}, and so the record key, is an id derived from the
 * day: a ranking is about no complaint, and every version of one day's ranking shares a partition. A recomputed day
 * is published again, with a new event id and a later {@code computedAt}; the latest one counts. Figures only: no complaint and no person is named.
 *
 * @param day        the working day ranked (Asia/Jakarta)
 * @param computedAt when it was computed
 * @param formula    the score formula, in words
 * @param minimumLastDay    fewer first-response and resolution outcomes than this on the day: listed apart, unranked
 * @param minimumLast30Days the same for the 30 days
 * @param lastDay    the day's rows, ranked first, then those listed apart
 * @param last30Days the rows of the 30 days ending on {@code day}
 */
public record DailyRanking(
        LocalDate day,
        OffsetDateTime computedAt,
        String formula,
        int minimumLastDay,
        int minimumLast30Days,
        List<Row> lastDay,
        List<Row> last30Days) implements EventPayload {

    public static final String TYPE = "DailyRanking";

    /**
     * One OPD's figures in one period.
     *
     * @param rank                      1 for the best; null when listed apart (below the minimum)
     * @param received                  complaints routed to it in the period
     * @param firstResponseOnTimePct    first responses by their deadline, of the first-response outcomes
     * @param resolvedOnTimePct         resolutions by their deadline, of the resolution outcomes
     * @param medianFirstResponseHours  working hours from routing to first response (responses in the period)
     * @param openOverdue               open complaints past their resolution deadline at the period's end
     * @param meanRating                citizens' mean rating (1 to 5) of confirmations in the period
     */
    public record Row(
            Integer rank,
            String opdCode,
            String opdName,
            BigDecimal score,
            int received,
            int firstResponseOutcomes,
            BigDecimal firstResponseOnTimePct,
            int resolutionOutcomes,
            BigDecimal resolvedOnTimePct,
            BigDecimal medianFirstResponseHours,
            BigDecimal p90FirstResponseHours,
            int openOverdue,
            int ratings,
            BigDecimal meanRating) {
    }
}
