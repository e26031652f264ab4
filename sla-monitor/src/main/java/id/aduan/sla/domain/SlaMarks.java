package id.aduan.sla.domain;

import id.aduan.events.Wib;
import id.aduan.sla.persistence.SlaClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The thresholds of a clock that runs: 50% and 75% of its office time used, the deadline (a breach, to the OPD's
 * head), and for the resolution clock 2 working days after it (to the governor's office). All are counted in office
 * time from the deadline, so a pause that moved the deadline moves them too.
 */
@ApplicationScoped
public class SlaMarks {

    public static final String FIRST_RESPONSE = "FIRST_RESPONSE";
    public static final String RESOLUTION = "RESOLUTION";
    public static final String WARNING_50 = "WARNING_50";
    public static final String WARNING_75 = "WARNING_75";
    public static final String BREACH = "BREACH";
    public static final String ESCALATION = "ESCALATION";
    /** Working days after a resolution breach until the governor's office is told. */
    public static final int ESCALATION_DAYS = 2;

    /** One threshold of one clock, and the deadline it belongs to. */
    public record Mark(String clock, String mark, OffsetDateTime dueAt, OffsetDateTime deadline) {
    }

    @Inject
    Calendars calendars;

    @Inject
    SlaPolicies policies;

    /** The marks of every clock of {@code c} that runs now; none for a paused or stopped one. */
    public List<Mark> plan(SlaClock c) {
        List<Mark> marks = new ArrayList<>();
        WorkingCalendar calendar = calendars.current();
        ZoneId zone = WorkingCalendar.zoneOf(c.regionCode);
        Instant start = c.startedAt.toInstant();
        if (c.stoppedAt != null) {
            return marks;
        }
        if (c.firstResponseAt == null && c.firstResponseDeadline != null) {
            Duration budget = WorkingCalendar.workingDays(policies.firstResponseDays());
            Instant deadline = c.firstResponseDeadline.toInstant();
            warnings(calendar, marks, FIRST_RESPONSE, deadline, budget, zone, start);
            marks.add(new Mark(FIRST_RESPONSE, BREACH, wib(deadline), wib(deadline)));
        }
        if (c.pausedAt == null) {
            Duration budget = policies.resolutionTime(c);
            Instant deadline = c.deadline.toInstant();
            warnings(calendar, marks, RESOLUTION, deadline, budget, zone, start);
            if (c.breachedAt == null) { // announced before marks existed
                marks.add(new Mark(RESOLUTION, BREACH, wib(deadline), wib(deadline)));
            }
            marks.add(new Mark(RESOLUTION, ESCALATION, wib(calendar.plusWorkingTime(deadline,
                    WorkingCalendar.workingDays(ESCALATION_DAYS), zone)), wib(deadline)));
        }
        return marks;
    }

    private static void warnings(WorkingCalendar calendar, List<Mark> marks, String clock, Instant deadline,
            Duration budget, ZoneId zone, Instant start) {
        marks.add(new Mark(clock, WARNING_50, wib(calendar.minusWorkingTime(deadline, budget.dividedBy(2), zone,
                start)), wib(deadline)));
        marks.add(new Mark(clock, WARNING_75, wib(calendar.minusWorkingTime(deadline, budget.dividedBy(4), zone,
                start)), wib(deadline)));
    }

    private static OffsetDateTime wib(Instant at) {
        return Wib.of(at);
    }
}
