package id.aduan.inbox.domain;

import id.aduan.events.ComplaintAction;

/**
 * One action on a complaint, as the domain receives it (validated by the REST layer).
 *
 * @param publicMessage   the reply, question or resolution the citizen reads
 * @param internalNote    a note or a rejection reason: staff only
 * @param suggestedOpd    on a rejection, the OPD that should take it
 * @param assigneeName    on an assignment, the username of a staff member of the same OPD
 * @param expectedVersion the version the caller saw (If-Match), or {@code null}
 * @param rating          with a citizen's confirmation: 1 to 5
 */
public record ActionRequest(
        ComplaintAction action,
        String publicMessage,
        String internalNote,
        String suggestedOpd,
        String assigneeName,
        Long expectedVersion,
        Integer rating) {

    /** A staff action. */
    public ActionRequest(ComplaintAction action, String publicMessage, String internalNote, String suggestedOpd,
            String assigneeName, Long expectedVersion) {
        this(action, publicMessage, internalNote, suggestedOpd, assigneeName, expectedVersion, null);
    }
}
