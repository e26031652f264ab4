package id.aduan.sla.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A complaint's deadline clock.
 *
 * @param liaisonOpdCode for an office outside the province's government, the provincial OPD that follows it up
 * @param state        RUNNING, PAUSED (waiting for the citizen: resuming gives back the office time left) or STOPPED
 * @param overdueHours how long past its deadline a running clock is (0 when not overdue)
 */
public record ClockView(
        UUID complaintId,
        String trackingNumber,
        String opdCode,
        String liaisonOpdCode,
        String category,
        String regionCode,
        String status,
        String state,
        OffsetDateTime startedAt,
        OffsetDateTime deadline,
        OffsetDateTime stoppedAt,
        OffsetDateTime pausedAt,
        OffsetDateTime breachedAt,
        boolean overdue,
        long overdueHours) {
}
