package id.aduan.intake.domain;

import id.aduan.events.Category;
import id.aduan.events.Location;
import id.aduan.events.Region;

/**
 * A valid, normalized complaint that intake is about to accept.
 *
 * @param contact      the reporter's contact, or {@code null}; it is stored by intake and never published
 * @param anonymous    anonim: OPD staff never see the contact
 * @param confidential rahasia: never shown publicly
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
        boolean confidential) {

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
