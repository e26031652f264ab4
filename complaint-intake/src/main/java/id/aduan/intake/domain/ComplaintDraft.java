package id.aduan.intake.domain;

import id.aduan.events.Category;
import id.aduan.events.Location;
import id.aduan.events.Normalization;
import id.aduan.events.Region;

/**
 * A valid, normalized complaint that intake is about to accept, whatever door it came through.
 *
 * @param contact       the reporter's contact, or {@code null}; it is stored by intake and never published
 * @param anonymous     anonim: OPD staff never see the contact
 * @param confidential  rahasia: never shown publicly
 * @param normalization how the category and region were read, and whether a person must decide (triage)
 * @param placeCode     the desa named, for duplicate detection; {@code null} if none
 * @param photo         a photo without metadata, or {@code null}
 */
public record ComplaintDraft(
        Category category,
        Region region,
        String description,
        String address,
        Location location,
        String channel,
        ReporterContact contact,
        boolean anonymous,
        boolean confidential,
        Normalization normalization,
        String placeCode,
        Photos.CleanPhoto photo) {

    /** A draft from a reading with a region. */
    public static ComplaintDraft of(ComplaintNormalizer.Reading reading, Location location, String channel,
            ReporterContact contact, boolean anonymous, boolean confidential) {
        RegionMatch region = reading.region().orElseThrow(() -> new IllegalArgumentException("no region"));
        return new ComplaintDraft(reading.category(), region.region(), reading.description(), reading.address(),
                location, channel, anonymous ? null : contact, anonymous, confidential, reading.normalization(),
                "desa".equals(region.source()) ? region.placeCode() : null, null);
    }

    public ComplaintDraft withPhoto(Photos.CleanPhoto newPhoto) {
        return new ComplaintDraft(category, region, description, address, location, channel, contact, anonymous,
                confidential, normalization, placeCode, newPhoto);
    }

    /** Personal data. {@link #toString()} never shows it. */
    public record ReporterContact(String name, String phone, String email) {

        public boolean isEmpty() {
            return name == null && phone == null && email == null;
        }

        @Override
        public String toString() {
            return "ReporterContact[redacted]";
        }
    }
}
