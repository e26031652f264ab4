package id.aduan.intake.domain;

import id.aduan.events.ComplaintSnapshot;
import id.aduan.events.ComplaintStatus;
import id.aduan.events.ComplaintSubmitted;
import id.aduan.events.EventEnvelope;
import id.aduan.events.Location;
import id.aduan.intake.messaging.ComplaintPublisher;
import id.aduan.intake.persistence.ComplaintStatusRecord;
import id.aduan.intake.persistence.ComplaintStatusRepository;
import id.aduan.intake.persistence.IdempotencyKeyRecord;
import id.aduan.intake.persistence.IdempotencyKeyRepository;
import id.aduan.intake.persistence.PhotoRecord;
import id.aduan.intake.persistence.PhotoRepository;
import id.aduan.intake.persistence.ReporterContactRecord;
import id.aduan.intake.persistence.ReporterContactRepository;
import id.aduan.support.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Accepts a complaint: reserve its status row (and contact), publish ComplaintSubmitted, and only once Kafka has
 * acknowledged it, hand out the tracking number. If Kafka does not acknowledge, the reservation is released and
 * nothing is promised. A reservation whose event never got there (intake died in between) is purged by
 * {@link UnconfirmedReservations}.
 *
 * <p>A complaint of the same category within {@link #DUPLICATE_METRES} m or in the same desa in the
 * {@link #DUPLICATE_WINDOW} before is linked to the earlier one as a possible duplicate; it is never discarded.
 */
@ApplicationScoped
public class ComplaintIntake {

    static final double DUPLICATE_METRES = 250;
    static final Duration DUPLICATE_WINDOW = Duration.ofDays(7);

    private static final Logger LOG = Logger.getLogger(ComplaintIntake.class);

    @Inject
    ComplaintPublisher publisher;

    @Inject
    ComplaintStatusRepository statuses;

    @Inject
    ReporterContactRepository contacts;

    @Inject
    IdempotencyKeyRepository idempotencyKeys;

    @Inject
    PhotoRepository photos;

    @Inject
    Clock clock;

    /** A client's Idempotency-Key and a hash of what it sent with it. */
    public record Idempotency(String key, String requestHash) {

        public static Idempotency of(String key, byte[] request) {
            try {
                return new Idempotency(key, java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(request)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public Uni<AcceptedComplaint> submit(ComplaintDraft draft) {
        return submit(draft, null);
    }

    /**
     * @param idempotency {@code null}, or the key: a retry with the same key and content gets the same receipt and
     *                    publishes nothing; the same key with other content is refused (422); a retry while the
     *                    first is still being published is asked to wait (409)
     */
    public Uni<AcceptedComplaint> submit(ComplaintDraft draft, Idempotency idempotency) {
        UUID complaintId = UUID.randomUUID();
        String citizenToken = CitizenTokens.next();
        return reserve(complaintId, draft, citizenToken, idempotency)
                // Two requests with one new key at once: the loser of the insert waits for the winner.
                .onFailure(e -> idempotency != null && isUniqueViolation(e))
                .transform(e -> ProblemException.conflictRetry("request-in-progress", 1))
                .chain(reservation -> reservation.replay() ? Uni.createFrom().item(reservation.accepted())
                        : publisher.publish(reservation.event())
                                .onFailure().call(failure -> release(complaintId)
                                        .onFailure().invoke(e -> LOG.warnf("Reservation %s not released: %s",
                                                complaintId, e))
                                        .onFailure().recoverWithNull())
                                .call(() -> confirm(complaintId)
                                        .onFailure().invoke(e -> LOG.warnf(
                                                "Complaint %s published, not yet marked confirmed: %s", complaintId, e))
                                        .onFailure().recoverWithNull())
                                .replaceWith(reservation.accepted()));
    }

    private record Reservation(EventEnvelope event, AcceptedComplaint accepted, boolean replay) {
    }

    @WithTransaction
    Uni<Reservation> reserve(UUID complaintId, ComplaintDraft draft, String citizenToken, Idempotency idempotency) {
        if (idempotency == null) {
            return store(complaintId, draft, citizenToken, null);
        }
        return idempotencyKeys.findById(idempotency.key()).chain(used -> {
            if (used == null) {
                return store(complaintId, draft, citizenToken, idempotency);
            }
            if (!used.requestHash.equals(idempotency.requestHash())) {
                return Uni.createFrom().failure(new ProblemException(422, "idempotency-key-reused"));
            }
            return statuses.findById(used.complaintId).map(row -> {
                if (row == null || !row.confirmed) {
                    throw ProblemException.conflictRetry("request-in-progress", 1);
                }
                return new Reservation(null, new AcceptedComplaint(row.complaintId, row.trackingNumber,
                        row.submittedAt, used.citizenToken), true);
            });
        });
    }

    private Uni<Reservation> store(UUID complaintId, ComplaintDraft draft, String citizenToken,
            Idempotency idempotency) {
        OffsetDateTime now = EventEnvelope.now(clock);
        return earlierNearby(draft, now).chain(duplicateOf -> {
            String trackingNumber = TrackingNumbers.next();
            EventEnvelope submitted = EventEnvelope.first(complaintId, new ComplaintSubmitted(new ComplaintSnapshot(
                    trackingNumber, draft.category(), draft.region().code(), draft.description(), draft.address(),
                    draft.location(), draft.channel(), now, draft.anonymous(), draft.confidential(),
                    draft.normalization(), duplicateOf)), now);
            ComplaintStatusRecord row = new ComplaintStatusRecord();
            row.complaintId = complaintId;
            row.trackingNumber = trackingNumber;
            row.category = draft.category().code();
            row.regionCode = draft.region().code();
            row.status = ComplaintStatus.SUBMITTED;
            row.submittedAt = now;
            row.statusAt = now;
            row.confirmed = false;
            row.anonymous = draft.anonymous();
            row.confidential = draft.confidential();
            row.citizenTokenHash = CitizenTokens.hash(citizenToken);
            row.latitude = draft.location() == null ? null : draft.location().latitude();
            row.longitude = draft.location() == null ? null : draft.location().longitude();
            row.placeCode = draft.placeCode();
            row.duplicateOf = duplicateOf;
            row.description = draft.description();
            row.address = draft.address();
            Uni<?> stored = statuses.persist(row);
            ComplaintDraft.ReporterContact contact = draft.contact();
            // Anonim: no contact is kept at all.
            if (contact != null && !contact.isEmpty() && !draft.anonymous()) {
                ReporterContactRecord reporter = new ReporterContactRecord();
                reporter.complaintId = complaintId;
                reporter.name = contact.name();
                reporter.phone = contact.phone();
                reporter.email = contact.email();
                // The contact row refers to the status row: flush that first.
                stored = stored.call(statuses::flush).call(() -> contacts.persist(reporter));
            }
            if (draft.photo() != null) {
                PhotoRecord photo = new PhotoRecord();
                photo.complaintId = complaintId;
                photo.contentType = draft.photo().contentType();
                photo.width = draft.photo().width();
                photo.height = draft.photo().height();
                photo.bytes = draft.photo().bytes();
                stored = stored.call(statuses::flush).call(() -> photos.persist(photo));
            }
            if (idempotency != null) {
                IdempotencyKeyRecord key = new IdempotencyKeyRecord();
                key.key = idempotency.key();
                key.requestHash = idempotency.requestHash();
                key.complaintId = complaintId;
                key.citizenToken = citizenToken;
                stored = stored.call(statuses::flush).call(() -> idempotencyKeys.persist(key))
                        .call(idempotencyKeys::flush);
            }
            return stored.replaceWith(new Reservation(submitted,
                    new AcceptedComplaint(complaintId, trackingNumber, now, citizenToken), false));
        });
    }

    /** The earliest complaint this one may repeat (or the one that one repeats), or {@code null}. */
    private Uni<UUID> earlierNearby(ComplaintDraft draft, OffsetDateTime now) {
        Location at = draft.location();
        String desa = draft.placeCode();
        if (at == null && desa == null) {
            return Uni.createFrom().nullItem();
        }
        double box = DUPLICATE_METRES / 111_000.0 * 1.5;
        return statuses.nearby(draft.category().code(), now.minus(DUPLICATE_WINDOW), desa,
                        at == null ? null : at.latitude(), at == null ? null : at.longitude(), box)
                .map(candidates -> firstDuplicate(candidates, draft));
    }

    private static UUID firstDuplicate(List<ComplaintStatusRecord> candidates, ComplaintDraft draft) {
        for (ComplaintStatusRecord earlier : candidates) {
            boolean samePlace = draft.placeCode() != null && draft.placeCode().equals(earlier.placeCode);
            boolean near = draft.location() != null && earlier.latitude != null && earlier.longitude != null
                    && metres(draft.location(), earlier.latitude, earlier.longitude) <= DUPLICATE_METRES;
            if (samePlace || near) {
                return earlier.duplicateOf != null ? earlier.duplicateOf : earlier.complaintId;
            }
        }
        return null;
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof org.hibernate.exception.ConstraintViolationException
                    || String.valueOf(e.getMessage()).contains("23505")) {
                return true;
            }
        }
        return false;
    }

    /** Great-circle distance (haversine), plenty exact at 250 m. */
    static double metres(Location a, double latitude, double longitude) {
        double dLat = Math.toRadians(latitude - a.latitude());
        double dLon = Math.toRadians(longitude - a.longitude());
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(Math.toRadians(a.latitude()))
                * Math.cos(Math.toRadians(latitude)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
    }

    @WithTransaction
    Uni<Void> confirm(UUID complaintId) {
        return statuses.markConfirmed(complaintId).replaceWithVoid();
    }

    @WithTransaction
    Uni<Void> release(UUID complaintId) {
        return statuses.deleteById(complaintId).replaceWithVoid();
    }
}
