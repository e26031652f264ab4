package id.aduan.intake.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What intake promises once Kafka has the complaint.
 *
 * @param citizenToken the citizen's secret for answering the OPD; given once, never stored in clear
 */
public record AcceptedComplaint(UUID complaintId, String trackingNumber, OffsetDateTime submittedAt,
        String citizenToken) {
}
