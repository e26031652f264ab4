package id.aduan.inbox.rest;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.inbox.persistence.InboxComplaint;
import id.aduan.support.time.ControllableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Whether a deadline is past is read from the service's clock, so that tests can move it. */
class ComplaintViewsTest {

    @Test
    void aRunningClockIsOverdueOnceTheServiceClockPassesItsDeadline() {
        ControllableClock clock = new ControllableClock(Clock.systemUTC());
        Instant deadline = Instant.parse("2031-03-14T09:00:00Z");
        ComplaintViews views = new ComplaintViews();
        views.clock = clock;
        InboxComplaint c = new InboxComplaint();
        c.deadline = deadline.atOffset(ZoneOffset.UTC);
        c.slaState = "RUNNING";

        clock.set(deadline.minusSeconds(1));
        assertThat(views.deadline(c).overdue()).isFalse();
        clock.advance(Duration.ofSeconds(2));
        assertThat(views.deadline(c).overdue()).isTrue();
        c.slaState = "PAUSED";
        assertThat(views.deadline(c).overdue()).isFalse();
    }
}
