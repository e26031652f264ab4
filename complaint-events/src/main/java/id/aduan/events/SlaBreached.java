package id.aduan.events;

import java.time.OffsetDateTime;

/**
 * A complaint's deadline passed while it was still open. Topic {@value Topics#SLA_EVENTS}.
 *
 * @param trackingNumber the citizen's reference
 * @param opdCode        the OPD that missed it
 * @param clock          which deadline: {@code RESOLUTION} (later also {@code FIRST_RESPONSE})
 * @param deadline       the deadline that passed
 */
public record SlaBreached(
        String trackingNumber,
        String opdCode,
        String clock,
        OffsetDateTime deadline) implements EventPayload {

    public static final String TYPE = "SlaBreached";
}
