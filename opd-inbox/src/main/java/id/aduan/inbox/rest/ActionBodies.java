package id.aduan.inbox.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request bodies of the inbox actions. */
final class ActionBodies {

    private ActionBodies() {
    }

    /** Optional words to the citizen with the acknowledgement. */
    @Schema(name = "Acknowledge")
    record Acknowledge(@Size(max = 2000, message = "{inbox.message.size}") String message) {
    }

    /** A public reply the citizen reads. */
    @Schema(name = "Respond")
    record Respond(@NotBlank(message = "{inbox.message.required}") @Size(max = 2000, message = "{inbox.message.size}")
            String message) {
    }

    /** A question to the citizen; the deadline pauses until they answer. */
    @Schema(name = "RequestInfo")
    record RequestInfo(@NotBlank(message = "{inbox.question.required}")
            @Size(max = 2000, message = "{inbox.message.size}") String question) {
    }

    /** What was done, for the citizen. */
    @Schema(name = "Resolve")
    record Resolve(@NotBlank(message = "{inbox.message.required}") @Size(max = 2000, message = "{inbox.message.size}")
            String message) {
    }

    /** Not this OPD's authority: why (internal), and perhaps who should take it. */
    @Schema(name = "Reject")
    record Reject(
            @NotBlank(message = "{inbox.reason.required}") @Size(max = 1000, message = "{inbox.reason.size}")
            String reason,
            @Pattern(regexp = "[A-Z0-9-]{2,40}", message = "{inbox.opd.invalid}") String suggestedOpd,
            @Size(max = 2000, message = "{inbox.message.size}") String message) {
    }

    /** An internal note: staff and the governor read it, the citizen never. */
    @Schema(name = "Note")
    record Note(@NotBlank(message = "{inbox.note.required}") @Size(max = 4000, message = "{inbox.note.size}")
            String text) {
    }

    /** Hand the complaint to a staff member of the same OPD (one who has used the inbox). */
    @Schema(name = "Assign")
    record Assign(@NotBlank(message = "{inbox.assignee.required}")
            @Pattern(regexp = "[A-Za-z0-9._@-]{1,100}", message = "{inbox.assignee.invalid}") String assignee) {
    }
}
