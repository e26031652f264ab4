package id.aduan.events;

/**
 * A complaint's status changed. Topic {@value Topics#COMPLAINTS_STATUS}.
 *
 * @param trackingNumber   the citizen's reference
 * @param opdCode          the OPD holding the complaint
 * @param previousStatus   the status before
 * @param status           the status now (the same as before for a note or an assignment)
 * @param action           what was done
 * @param actor            who acted: an opaque staff subject id, {@code citizen} or {@code system}
 * @param reason           an internal reason (for example why it is not this OPD's authority)
 * @param publicMessage    the words the citizen sees, if any: a reply, a question, a resolution
 * @param suggestedOpdCode on a rejection, the OPD that should take it instead, if known
 * @param assignee         on an assignment, the opaque subject id of the staff member
 * @param rating           on a citizen's confirmation, 1 to 5
 * @param complaint        on a rejection, the complaint as the inbox holds it, so that routing can send it on
 *                         without keeping complaints of its own
 * @param hop              on a rejection, how many times it has been routed so far
 * @param triedOpdCodes    on a rejection, every OPD that has held it, so that routing does not send it back
 * @param opdName          on a transfer, the name of the OPD that now holds it
 * @param liaisonOpdCode   on a transfer, the provincial OPD that now follows it up, when the new OPD is outside the
 *                         province's government
 */
public record ComplaintStatusChanged(
        String trackingNumber,
        String opdCode,
        ComplaintStatus previousStatus,
        ComplaintStatus status,
        ComplaintAction action,
        String actor,
        String reason,
        String publicMessage,
        String suggestedOpdCode,
        String assignee,
        Integer rating,
        ComplaintSnapshot complaint,
        Integer hop,
        java.util.List<String> triedOpdCodes,
        String opdName,
        String liaisonOpdCode) implements EventPayload {

    public static final String TYPE = "ComplaintStatusChanged";

    /** A change that names no new OPD (every action but a transfer). */
    public ComplaintStatusChanged(String trackingNumber, String opdCode, ComplaintStatus previousStatus,
            ComplaintStatus status, ComplaintAction action, String actor, String reason, String publicMessage,
            String suggestedOpdCode, String assignee, Integer rating, ComplaintSnapshot complaint, Integer hop,
            java.util.List<String> triedOpdCodes) {
        this(trackingNumber, opdCode, previousStatus, status, action, actor, reason, publicMessage, suggestedOpdCode,
                assignee, rating, complaint, hop, triedOpdCodes, null, null);
    }

    /** A complaint moved to the OPD {@code opdCode} (a merger's successor), its status unchanged. */
    public static ComplaintStatusChanged transfer(String trackingNumber, String opdCode, String opdName,
            String liaisonOpdCode, ComplaintStatus status, String actor, String reason) {
        return new ComplaintStatusChanged(trackingNumber, opdCode, status, status, ComplaintAction.TRANSFER, actor,
                reason, null, null, null, null, null, null, null, opdName, liaisonOpdCode);
    }

    /** A change that carries no complaint for re-routing. */
    public ComplaintStatusChanged(String trackingNumber, String opdCode, ComplaintStatus previousStatus,
            ComplaintStatus status, ComplaintAction action, String actor, String reason, String publicMessage,
            String suggestedOpdCode, String assignee, Integer rating) {
        this(trackingNumber, opdCode, previousStatus, status, action, actor, reason, publicMessage, suggestedOpdCode,
                assignee, rating, null, null, null, null, null);
    }
}
