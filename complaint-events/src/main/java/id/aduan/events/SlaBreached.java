package id.aduan.events;

import java.time.OffsetDateTime;

/**
 * A complaint's deadline passed while it was still open: the OPD's head must act. Topic
 * {@value Topics#SLA_EVENTS}. Published once per clock and deadline; its id is derived from them.
 *
 * @param trackingNumber the citizen's reference
 * @param opdCode        the OPD that missed it
 * @param clock          which deadline: {@code FIRST_RESPONSE} or {@code RESOLUTION}
 * @param deadline       the deadline that passed
 * @param escalatedTo    who is told: {@code OPD_HEAD} (null in events written before escalations existed)
 */
public record SlaBreached(
        String trackingNumber,
        String opdCode,
        String clock,
        OffsetDateTime deadline,
        String escalatedTo) implements EventPayload {

    public static final String TYPE = "SlaBreached";
    public static final String OPD_HEAD = "OPD_HEAD";
}
