package id.aduan.sla.domain;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;

/**
 * One OPD's figures in one period of a daily ranking (see {@link Rankings} for how each is counted).
 *
 * @param period {@code DAY} (the working day ranked) or {@code DAYS_30} (the 30 days ending on it)
 * @param rank   1 for the best; null when listed apart (too few outcomes)
 */
@JsonPropertyOrder({"period", "rank", "opdCode", "opdName", "score", "received", "firstResponseOutcomes",
    "firstResponseOnTimePct", "resolutionOutcomes", "resolvedOnTimePct", "medianFirstResponseHours",
    "p90FirstResponseHours", "openOverdue", "ratings", "meanRating"})
public record RankingRow(
        String period,
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

    public boolean ranked() {
        return rank != null;
    }
}
