package id.aduan.intake.domain;

import id.aduan.events.Location;

/**
 * One complaint to submit, whatever door it came through, its fields already checked for form by the door.
 *
 * @param channel      the door: {@code api}, {@code web}, {@code open311}, {@code telegram}, {@code whatsapp}
 * @param categoryCode the category the citizen chose, or {@code null} to read it from the description
 * @param regionField  a region the citizen named or chose, or {@code null}
 * @param location     a map point, or {@code null}; it must lie in the province
 * @param contact      the reporter's contact, or {@code null}; personal data, stored by intake only
 * @param anonymous    anonim: OPD staff never see the contact (none is kept)
 * @param confidential rahasia: never shown publicly
 * @param photo        a photo already stripped of its metadata, or {@code null}
 * @param idempotency  the key that makes a retry the same complaint, or {@code null}
 */
public record SubmissionCommand(String channel, String categoryCode, String description, String regionField,
        String address, Location location, ComplaintDraft.ReporterContact contact, boolean anonymous,
        boolean confidential, Photos.CleanPhoto photo, Idempotency idempotency) {

    ComplaintNormalizer.Input input() {
        return new ComplaintNormalizer.Input(categoryCode, description, regionField, address, location);
    }

    @Override
    public String toString() {
        return "SubmissionCommand[" + channel + ", redacted]";
    }
}
