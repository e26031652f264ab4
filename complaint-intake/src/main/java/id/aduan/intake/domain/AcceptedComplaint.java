package id.aduan.intake.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What intake promises once Kafka has the complaint. */
public record AcceptedComplaint(UUID complaintId, String trackingNumber, OffsetDateTime submittedAt) {
}
