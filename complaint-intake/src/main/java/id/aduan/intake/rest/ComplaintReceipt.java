package id.aduan.intake.rest;

import java.net.URI;
import java.time.OffsetDateTime;

/** The answer to an accepted complaint: the tracking number is valid, the complaint is on its way. */
public record ComplaintReceipt(String trackingNumber, String status, URI statusUrl, OffsetDateTime submittedAt) {
}
