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
 */
public record ActionRequest(
        ComplaintAction action,
        String publicMessage,
        String internalNote,
        String suggestedOpd,
        String assigneeName,
        Long expectedVersion) {
}
