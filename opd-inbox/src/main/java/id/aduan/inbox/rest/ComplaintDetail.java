package id.aduan.inbox.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One complaint, why it is in this inbox, who holds it, and everything that happened to it.
 *
 * @param anonymous the citizen chose anonim: their contact is never given to staff
 * @param version   the optimistic-locking version: send it back as If-Match with an action
 * @param possibleDuplicateOf an earlier complaint of the same category nearby, as intake linked it
 * @param triageReasons why intake asked a person to route it (category-unclear, region-unclear)
 */
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
        boolean anonymous,
        boolean confidential,
        String status,
        OffsetDateTime submittedAt,
        Routing routing,
        String assignee,
        OffsetDateTime resolvedAt,
        Deadline deadline,
        long version,
        UUID possibleDuplicateOf,
        List<String> triageReasons,
        List<HistoryEntry> history) {

    /**
     * The resolution deadline as sla-monitor keeps it ({@code null} until it has announced the clock).
     *
     * @param state RUNNING, PAUSED (waiting for the citizen) or STOPPED
     */
    /** @param flag the latest SLA threshold announced: RESOLUTION_50, FIRST_RESPONSE_BREACHED, ESCALATED_GOVERNOR... */
    public record Deadline(OffsetDateTime deadline, String state, boolean overdue, OffsetDateTime breachedAt,
            String flag) {
    }

    /** @param liaisonOpdCode the provincial OPD that handles it when {@code opdCode} is outside the province */
    public record Routing(String opdCode, String opdName, String ruleId, String ruleVersion, String explanation,
            int hop, OffsetDateTime routedAt, String liaisonOpdCode) {
    }

    /**
     * @param publicMessage what the citizen saw
     * @param internalNote  staff only: a note or a rejection reason
     */
    public record HistoryEntry(UUID eventId, String type, String action, OffsetDateTime occurredAt, String opdCode,
            String actor, String summary, String publicMessage, String internalNote) {
    }
}
