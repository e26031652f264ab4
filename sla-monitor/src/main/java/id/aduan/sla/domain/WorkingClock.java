package id.aduan.sla.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * One SLA clock in office time: a budget (for example 3 working days to the first response), the office time used
 * so far, and whether it runs. It pauses while the OPD waits for the citizen and resumes on their answer; it stops at
 * resolution and runs again on a reopening. A re-route does not touch it: the citizen's wait did not restart.
 * Immutable, so that the same events always give the same clock.
 *
 * @param runningSince when it last started or resumed; {@code null} unless running
 */
public record WorkingClock(Duration budget, Duration used, Instant runningSince, State state) {

    public enum State { RUNNING, PAUSED, STOPPED }

    public static WorkingClock start(Duration budget, Instant at) {
        return new WorkingClock(budget, Duration.ZERO, at, State.RUNNING);
    }

    /** Waiting for the citizen: the office time until now counts, the wait does not. */
    public WorkingClock pause(Instant at, WorkingCalendar calendar, ZoneId zone) {
        return state == State.RUNNING ? new WorkingClock(budget, usedAt(at, calendar, zone), null, State.PAUSED)
                : this;
    }

    /** The citizen answered, or a resolved complaint was reopened: the clock runs on from what it had used. */
    public WorkingClock resume(Instant at) {
        return state == State.RUNNING ? this : new WorkingClock(budget, used, at, State.RUNNING);
    }

    /** Resolved (or closed): the office time until now counts, nothing after. */
    public WorkingClock stop(Instant at, WorkingCalendar calendar, ZoneId zone) {
        return state == State.STOPPED ? this
                : new WorkingClock(budget, usedAt(at, calendar, zone), null, State.STOPPED);
    }

    /** Office time used by {@code at}. */
    public Duration usedAt(Instant at, WorkingCalendar calendar, ZoneId zone) {
        return state == State.RUNNING ? used.plus(calendar.workingTime(runningSince, at, zone)) : used;
    }

    /** When the budget runs out if nothing changes; none while paused or stopped. */
    public Optional<Instant> deadline(WorkingCalendar calendar, ZoneId zone) {
        return state == State.RUNNING
                ? Optional.of(calendar.plusWorkingTime(runningSince, budget.minus(used), zone))
                : Optional.empty();
    }

    /** When {@code fraction} (0.5, 0.75, 1) of the budget is used, if it runs on; none while paused or stopped. */
    public Optional<Instant> when(double fraction, WorkingCalendar calendar, ZoneId zone) {
        Duration mark = Duration.ofSeconds(Math.round(budget.toSeconds() * fraction));
        return state == State.RUNNING
                ? Optional.of(calendar.plusWorkingTime(runningSince, mark.minus(used), zone))
                : Optional.empty();
    }
}
