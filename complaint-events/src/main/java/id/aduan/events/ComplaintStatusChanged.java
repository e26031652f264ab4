package id.aduan.events;

/**
 * A complaint's status changed. Topic {@value Topics#COMPLAINTS_STATUS}.
 *
 * @param trackingNumber   the citizen's reference
 * @param opdCode          the OPD holding the complaint
 * @param previousStatus   the status before
 * @param status           the status now
 * @param actor            who acted: an opaque staff subject id, {@code citizen} or {@code system}
 * @param reason           an internal reason (for example why it is not this OPD's authority)
 * @param publicMessage    the reply the citizen sees, if any
 * @param suggestedOpdCode on a rejection, the OPD that should take it instead, if known
 */
public record ComplaintStatusChanged(
        String trackingNumber,
        String opdCode,
        ComplaintStatus previousStatus,
        ComplaintStatus status,
        String actor,
        String reason,
        String publicMessage,
        String suggestedOpdCode) implements EventPayload {

    public static final String TYPE = "ComplaintStatusChanged";
}
