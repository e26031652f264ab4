package id.aduan.events;

import java.time.OffsetDateTime;

/**
 * A complaint's deadline clock started, paused, resumed, stopped, moved to another OPD or got a new deadline.
 * Topic {@value Topics#SLA_EVENTS}. The inbox shows it; the clock itself lives in sla-monitor.
 *
 * @param clock     which deadline: {@code RESOLUTION}
 * @param state     {@code RUNNING}, {@code PAUSED} (waiting for the citizen) or {@code STOPPED} (resolved)
 * @param deadline  the deadline as it stands (a pause moves it later when the clock resumes)
 * @param startedAt when the clock started: the complaint's first routing
 */
public record SlaClockChanged(
        String trackingNumber,
        String opdCode,
        String clock,
        String state,
        OffsetDateTime deadline,
        OffsetDateTime startedAt) implements EventPayload {

    public static final String TYPE = "SlaClockChanged";
}
