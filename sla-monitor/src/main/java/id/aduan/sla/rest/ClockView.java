package id.aduan.sla.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A complaint's deadline clock.
 *
 * @param overdueHours how long past its deadline an open complaint is (0 when not overdue)
 */
public record ClockView(
        UUID complaintId,
        String trackingNumber,
        String opdCode,
        String category,
        String regionCode,
        String status,
        OffsetDateTime startedAt,
        OffsetDateTime deadline,
        OffsetDateTime stoppedAt,
        OffsetDateTime breachedAt,
        boolean overdue,
        long overdueHours) {
}
