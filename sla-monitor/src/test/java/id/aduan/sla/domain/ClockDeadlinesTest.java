package id.aduan.sla.domain;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.sla.persistence.SlaClock;
import id.aduan.sla.persistence.SlaPauseRepository.Pause;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A clock's resolution deadline from its start, budget and the spans it stood still, in office time of the built-in
 * calendar, against dates worked out by hand (October 2026 has no holiday): what a re-route, a pause and a reopening
 * do to it. The same computation re-computes open deadlines after a calendar correction.
 */
class ClockDeadlinesTest {

    private static final OffsetDateTime MONDAY_9 = at("2026-10-05T09:00");

    private final SlaProjection projection = projection();

    @Test
    void aReRouteKeepsTheDeadlineOfTheFirstRouting() {
        SlaClock clock = clock();
        OffsetDateTime first = projection.recomputedDeadline(clock, List.of());
        // Re-routed on Wednesday to another OPD: the citizen's wait did not restart, nothing stood still.
        clock.opdCode = "DPUPR-PROV";
        clock.opdSince = at("2026-10-07T10:00");
        assertThat(projection.recomputedDeadline(clock, List.of())).isEqualTo(first)
                .isEqualTo(at("2026-10-12T09:00"));
    }

    @Test
    void aPauseForTheCitizenGivesBackTheOfficeTimeItTook() {
        // Asked on Tuesday 09:00 (7.5 h used, 30 h left), answered Monday 19 October 09:00: 30 h from then is
        // Friday 23 October 09:00.
        assertThat(projection.recomputedDeadline(clock(), List.of(new Pause(at("2026-10-06T09:00"),
                at("2026-10-19T09:00"))))).isEqualTo(at("2026-10-23T09:00"));
    }

    @Test
    void aReopeningRunsOnWithWhatWasLeftAtResolution() {
        // Resolved Wednesday 7 October 16:00 (Mon 6 h + Tue 7.5 h + Wed 7.5 h = 21 h used, 16.5 h left), reopened
        // Tuesday 13 October 07:30: Tuesday 7.5 h, Wednesday 7.5 h, then Thursday 15 October from 07:30 for 1.5 h.
        assertThat(projection.recomputedDeadline(clock(), List.of(new Pause(at("2026-10-07T16:00"),
                at("2026-10-13T07:30"))))).isEqualTo(at("2026-10-15T09:00"));
    }

    @Test
    void aDeadlinePassedBeforeAPauseStaysPassed() {
        // Asked only on Tuesday 13 October, after the deadline of Monday 12 October 09:00: the pause forgives nothing.
        assertThat(projection.recomputedDeadline(clock(), List.of(new Pause(at("2026-10-13T09:00"),
                at("2026-10-20T09:00"))))).isEqualTo(at("2026-10-12T09:00"));
    }

    private static SlaClock clock() {
        SlaClock c = new SlaClock();
        c.category = "health";
        c.opdCode = "DINKES-PROV";
        c.regionCode = "1771";
        c.startedAt = MONDAY_9;
        c.opdSince = MONDAY_9;
        c.resolutionMinutes = 5 * 450;
        return c;
    }

    private static SlaProjection projection() {
        Calendars calendars = new Calendars();
        calendars.clock = Clock.fixed(MONDAY_9.toInstant(), ZoneOffset.ofHours(7));
        SlaProjection projection = new SlaProjection();
        projection.calendars = calendars;
        projection.policies = SlaPolicies.fromClasspath();
        return projection;
    }

    private static OffsetDateTime at(String wib) {
        return OffsetDateTime.parse(wib + ":00+07:00");
    }
}
