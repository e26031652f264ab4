package id.aduan.sla.domain;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import id.aduan.events.DailyRanking;

/**
 * One OPD's figures in one period of a daily ranking: the event's row (see {@link Rankings} for how each is counted)
 * and the period it is of. The API's JSON and CSV show the figures flat, after the period.
 *
 * @param period {@code DAY} (the working day ranked) or {@code DAYS_30} (the 30 days ending on it)
 */
@JsonPropertyOrder({"period", "figures"})
public record RankingRow(String period, @JsonUnwrapped DailyRanking.Row figures) {

    /** Ranked, not listed apart (too few outcomes). */
    public boolean ranked() {
        return figures.rank() != null;
    }
}
