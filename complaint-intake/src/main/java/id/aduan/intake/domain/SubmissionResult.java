package id.aduan.intake.domain;

import id.aduan.events.Category;
import id.aduan.events.Region;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What became of a submission; each door turns it into its own answer. */
public sealed interface SubmissionResult {

    /**
     * Kafka has the complaint: the tracking number is the citizen's.
     *
     * @param citizenToken the citizen's secret for answering the OPD; given out, never stored in clear
     */
    record Accepted(UUID complaintId, String trackingNumber, OffsetDateTime submittedAt, String citizenToken,
            Category category, Region region) implements SubmissionResult {
    }

    /** The complaint cannot be accepted as it is; each violation names its field. */
    record Invalid(List<Violation> violations) implements SubmissionResult {
    }

    /**
     * Not accepted now. With {@link Cause#BROKER} the outcome is unknown: the reservation, its tracking number and
     * its key are kept, intake keeps sending it, and a retry with the same key gets the same tracking number. With
     * {@link Cause#STORAGE} most likely nothing was stored; with {@link Cause#OVERLOADED} nothing was.
     *
     * @param retryKey the key to retry with when the client sent none (the door made it up), else {@code null}
     */
    record Unavailable(Cause cause, int retryAfterSeconds, String retryKey) implements SubmissionResult {
    }

    /** A request with the same key is still on its way to Kafka: ask again shortly for its tracking number. */
    record InProgress(int retryAfterSeconds) implements SubmissionResult {
    }

    /** The key was used before, with other content. */
    record KeyReused() implements SubmissionResult {
    }

    enum Cause {
        /** Kafka did not acknowledge in time. */
        BROKER,
        /** The database could not be reached. */
        STORAGE,
        /** Too many submissions in progress ({@code aduan.intake.max-in-flight}): refused at once, nothing stored. */
        OVERLOADED
    }

    /** A field the province's rules refuse. */
    record Violation(String field, Reason reason) {
    }

    enum Reason {
        /** The map point lies outside the province (and off its coast). */
        LOCATION_OUTSIDE_PROVINCE,
        /** Nothing in the complaint names a kabupaten/kota of the province. */
        REGION_NOT_FOUND
    }
}
