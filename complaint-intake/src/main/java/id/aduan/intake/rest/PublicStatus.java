package id.aduan.intake.rest;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What anyone holding the tracking number may see. No personal data: no name, phone, e-mail, nor the complaint's
 * text; only the public words of the conversation.
 *
 * @param awaitingYourReply the OPD asked a question (answer it with the citizen token)
 * @param canConfirm        the OPD resolved it: confirm and rate it
 * @param reopenUntil       until when the resolution can be reopened, if it can
 */
public record PublicStatus(
        String trackingNumber,
        String status,
        String category,
        String categoryLabel,
        String regionCode,
        String regionName,
        String opdCode,
        String opdName,
        OffsetDateTime submittedAt,
        OffsetDateTime updatedAt,
        boolean awaitingYourReply,
        boolean canConfirm,
        OffsetDateTime reopenUntil,
        List<Message> messages) {

    /**
     * @param author {@code OPD} or {@code CITIZEN}
     * @param action what the words came with: RESPOND, REQUEST_INFO, RESOLVE, CITIZEN_REPLY...
     */
    public record Message(OffsetDateTime at, String author, String action, String text) {
    }
}
