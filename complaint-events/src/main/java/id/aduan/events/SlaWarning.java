package id.aduan.events;

import java.time.OffsetDateTime;

/**
 * Half, then three quarters, of a complaint's office time to a deadline is used and the clock still runs. Topic
 * {@value Topics#SLA_EVENTS}. Published once per clock, threshold and deadline; its id is derived from them.
 *
 * @param clock    {@code FIRST_RESPONSE} or {@code RESOLUTION}
 * @param percent  50 or 75
 * @param deadline the deadline it warns of
 */
public record SlaWarning(
        String trackingNumber,
        String opdCode,
        String clock,
        int percent,
        OffsetDateTime deadline) implements EventPayload {

    public static final String TYPE = "SlaWarning";
}
