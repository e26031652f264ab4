package id.aduan.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What a complaint says, as events carry it between services. It holds no personal data: the reporter's contact
 * stays in complaint-intake.
 *
 * @param trackingNumber the citizen's public, unguessable reference
 * @param category       what it is about
 * @param regionCode     Kemendagri code of the kabupaten/kota, for example {@code 1771} for Kota Bengkulu
 * @param description    the citizen's words, normalized
 * @param address        kecamatan, desa or street, if given
 * @param location       the point, if given
 * @param channel        the door it came through: web, api, open311, whatsapp, telegram
 * @param submittedAt    when intake accepted it
 * @param anonymous      <em>anonim</em>: the reporter's identity is hidden from OPD staff
 * @param confidential   <em>rahasia</em>: the complaint is never shown publicly
 * @param normalization  how intake read the category and region, and whether a person must look first (triage);
 *                       absent in events written before intake normalized
 * @param possibleDuplicateOf an earlier complaint of the same category nearby or in the same desa within 7 days;
 *                       linked, never discarded
 */
public record ComplaintSnapshot(
        String trackingNumber,
        Category category,
        String regionCode,
        String description,
        String address,
        Location location,
        String channel,
        OffsetDateTime submittedAt,
        boolean anonymous,
        boolean confidential,
        Normalization normalization,
        UUID possibleDuplicateOf) {

    /** A complaint as written before normalization and duplicate links were added to the contract. */
    public ComplaintSnapshot(String trackingNumber, Category category, String regionCode, String description,
            String address, Location location, String channel, OffsetDateTime submittedAt, boolean anonymous,
            boolean confidential) {
        this(trackingNumber, category, regionCode, description, address, location, channel, submittedAt, anonymous,
                confidential, null, null);
    }

    /** Whether intake asked for a person to decide where it goes. */
    public boolean needsTriage() {
        return normalization != null && normalization.triage();
    }

    /** A complaint with neither privacy choice. */
    public ComplaintSnapshot(String trackingNumber, Category category, String regionCode, String description,
            String address, Location location, String channel, OffsetDateTime submittedAt) {
        this(trackingNumber, category, regionCode, description, address, location, channel, submittedAt, false, false);
    }
}
