package id.aduan.intake.rest;

import java.time.OffsetDateTime;

/**
 * What anyone holding the tracking number may see. No personal data: no name, phone, e-mail, nor the text.
 */
public record PublicStatus(
        String trackingNumber,
        String status,
        String category,
        String categoryLabel,
        String regionCode,
        String regionName,
        String opdCode,
        String opdName,
        OffsetDateTime submittedAt,
        OffsetDateTime updatedAt) {
}
