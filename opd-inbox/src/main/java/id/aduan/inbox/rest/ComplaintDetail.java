package id.aduan.inbox.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One complaint, why it is in this inbox, and everything that happened to it. */
public record ComplaintDetail(
        UUID id,
        String trackingNumber,
        String category,
        String regionCode,
        String description,
        String address,
        Double latitude,
        Double longitude,
        String channel,
        String status,
        OffsetDateTime submittedAt,
        Routing routing,
        List<HistoryEntry> history) {

    public record Routing(String opdCode, String opdName, String ruleId, String ruleVersion, String explanation,
            int hop, OffsetDateTime routedAt) {
    }

    public record HistoryEntry(UUID eventId, String type, OffsetDateTime occurredAt, String opdCode, String summary) {
    }
}
