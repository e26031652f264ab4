package id.aduan.inbox.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A line of the inbox list. */
public record InboxItem(
        UUID id,
        String trackingNumber,
        String category,
        String regionCode,
        String summary,
        String status,
        String opdCode,
        String assignee,
        OffsetDateTime submittedAt,
        OffsetDateTime routedAt,
        OffsetDateTime receivedAt,
        ComplaintDetail.Deadline deadline) {
}
