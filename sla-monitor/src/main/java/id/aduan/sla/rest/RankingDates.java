package id.aduan.sla.rest;

import id.aduan.events.Wib;
import id.aduan.sla.config.RankingConfig;
import id.aduan.sla.domain.Rankings;
import id.aduan.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The day a ranking request asks for: YYYY-MM-DD, before today and not too far back; by default the last working day. */
@ApplicationScoped
public class RankingDates {

    @Inject
    RankingConfig config;

    @Inject
    Rankings rankings;

    @Inject
    Clock clock;

    /** @throws ProblemException 400 {@code ranking-date} */
    public LocalDate parse(String date) {
        LocalDate today = Wib.now(clock).toLocalDate();
        if (date == null || date.isBlank()) {
            return rankings.previousWorkingDay(today);
        }
        LocalDate day = isoDay(date);
        if (day == null || !day.isBefore(today) || day.isBefore(today.minusDays(config.maxDaysBack()))) {
            throw new ProblemException(400, "ranking-date", config.maxDaysBack());
        }
        return day;
    }

    /** A day written exactly YYYY-MM-DD, or {@code null}. */
    static LocalDate isoDay(String text) {
        try {
            return text != null && text.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(text) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
