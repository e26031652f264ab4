package id.aduan.intake.rest;

import id.aduan.events.CitizenResponded;
import id.aduan.intake.config.IntakeConfig;
import id.aduan.intake.domain.CitizenConversation;
import id.aduan.support.messaging.TransientFailures;
import id.aduan.support.problem.ProblemException;
import id.aduan.support.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The citizen's side of the conversation, authorized by the secret token given at submission. Each answer is
 * accepted (202) once Kafka has it; the OPD's inbox applies it and the status page shows the result.
 */
@Path("/api/v1/complaints/{trackingNumber}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Pengaduan / Complaints")
@APIResponse(responseCode = "202", description = "Diterima / accepted")
@APIResponse(responseCode = "401", description = "No citizen token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not this complaint's token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "409", description = "Not possible in the complaint's status",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CitizenResource {

    static final String TOKEN_HEADER = "X-Citizen-Token";

    @Inject
    CitizenConversation conversation;

    @Inject
    IntakeConfig config;

    @Schema(name = "CitizenReply")
    public record Reply(@NotBlank(message = "{citizen.message.required}")
            @Size(max = 2000, message = "{citizen.message.size}") String message) {
    }

    @Schema(name = "CitizenConfirmation")
    public record Confirmation(
            @NotNull(message = "{citizen.rating.required}") @Min(value = 1, message = "{citizen.rating.range}")
            @Max(value = 5, message = "{citizen.rating.range}") Integer rating,
            @Size(max = 1000, message = "{citizen.message.size}") String comment) {
    }

    @Schema(name = "CitizenReopening")
    public record Reopening(@NotBlank(message = "{citizen.reason.required}")
            @Size(max = 2000, message = "{citizen.message.size}") String reason) {
    }

    @POST
    @Path("/replies")
    @Operation(summary = "Jawab pertanyaan OPD / answer the OPD's question; the deadline resumes")
    public Uni<Response> reply(@PathParam("trackingNumber") String trackingNumber,
            @Parameter(description = "The token given at submission") @HeaderParam(TOKEN_HEADER) String token,
            @NotNull(message = "{citizen.body.required}") @Valid Reply body) {
        return respond(trackingNumber, token, CitizenResponded.REPLY, body.message(), null);
    }

    @POST
    @Path("/confirmation")
    @Operation(summary = "Konfirmasi selesai / confirm the resolution and rate it 1 to 5")
    public Uni<Response> confirm(@PathParam("trackingNumber") String trackingNumber,
            @HeaderParam(TOKEN_HEADER) String token,
            @NotNull(message = "{citizen.body.required}") @Valid Confirmation body) {
        return respond(trackingNumber, token, CitizenResponded.CONFIRM, body.comment(), body.rating());
    }

    @POST
    @Path("/reopening")
    @Operation(summary = "Buka kembali / reopen a resolution, within 10 working days")
    public Uni<Response> reopen(@PathParam("trackingNumber") String trackingNumber,
            @HeaderParam(TOKEN_HEADER) String token,
            @NotNull(message = "{citizen.body.required}") @Valid Reopening body) {
        return respond(trackingNumber, token, CitizenResponded.REOPEN, body.reason(), null);
    }

    private Uni<Response> respond(String trackingNumber, String token, String kind, String message,
            Integer rating) {
        if (token == null || token.isBlank()) {
            throw new ProblemException(401, "citizen-token-missing");
        }
        // Outside the transaction, so that a failed commit is a 503 too.
        return conversation.respond(trackingNumber, token.trim(), kind, message, rating)
                .onFailure(TransientFailures::isTransient).transform(e -> ProblemException.unavailable(
                        "service-unavailable", config.retryAfterSeconds(), e))
                .map(ignored -> Response.accepted().build());
    }
}
