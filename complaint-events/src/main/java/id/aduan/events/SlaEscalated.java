package id.aduan.events;

import java.time.OffsetDateTime;

/**
 * A complaint still open 2 working days after it breached its resolution deadline: it goes to the governor's office.
 * Topic {@value Topics#SLA_EVENTS}. Published once per deadline; its id is derived from it.
 *
 * @param clock       {@code RESOLUTION}
 * @param escalatedTo {@code GOVERNOR}
 * @param deadline    the deadline that was breached
 * @param breachedFor working days since the deadline passed
 */
public record SlaEscalated(
        String trackingNumber,
        String opdCode,
        String clock,
        String escalatedTo,
        OffsetDateTime deadline,
        int breachedFor) implements EventPayload {

    public static final String TYPE = "SlaEscalated";
    public static final String GOVERNOR = "GOVERNOR";
}
