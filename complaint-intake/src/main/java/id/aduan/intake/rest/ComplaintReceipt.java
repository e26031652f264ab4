package id.aduan.intake.rest;

import java.net.URI;
import java.time.OffsetDateTime;

/**
 * The answer to an accepted complaint: the tracking number is valid, the complaint is on its way.
 *
 * @param citizenToken the citizen's secret, shown this once: with it (header X-Citizen-Token) they answer the OPD's
 *                     questions, confirm the resolution or reopen it
 */
public record ComplaintReceipt(String trackingNumber, String status, URI statusUrl, OffsetDateTime submittedAt,
        String citizenToken) {
}
