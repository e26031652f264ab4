package id.aduan.routing.rest;

import id.aduan.events.Category;
import id.aduan.events.ComplaintSnapshot;
import id.aduan.events.Regions;
import id.aduan.events.RoutingDecision;
import id.aduan.events.Wib;
import id.aduan.routing.domain.Router;
import id.aduan.support.problem.Problem;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** "Where would this complaint go, and why": the rules in force, applied without publishing anything. */
@Path("/api/v1/routing/preview")
@Tag(name = "Aturan disposisi / routing rules")
public class PreviewResource {

    @Inject
    Router router;

    @Inject
    Clock clock;

    @Schema(name = "RoutingPreviewRequest")
    public record PreviewRequest(
            @Schema(examples = "school") @NotBlank @Size(max = 20) String category,
            @Schema(description = "Kemendagri code of the kabupaten/kota", examples = "1708") @NotBlank @Size(max = 8)
            String region,
            @Schema(examples = "Guru SD jarang masuk") @Size(max = 4000) String description,
            @Size(max = 300) String address) {
    }

    @Schema(name = "RoutingPreview")
    public record Preview(String opdCode, String opdName, String ruleId, String ruleVersion, String explanation) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ke mana pengaduan ini akan diteruskan, dan mengapa / where would it go, and why",
            description = "Applies the rules in force; publishes nothing. An unknown category or region goes to "
                    + "triage, as it would for a real complaint.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Preview.class)))
    @APIResponse(responseCode = "400", description = "Invalid request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Preview preview(@NotNull @Valid PreviewRequest request) {
        Category category = Category.ofCode(request.category()).orElse(Category.UNKNOWN);
        String region = Regions.byCode(request.region().strip()).map(r -> r.code()).orElse(request.region().strip());
        RoutingDecision decision = router.route(new ComplaintSnapshot("PREVIEW", category, region,
                request.description(), request.address(), null, "preview", Wib.now(clock)), Wib.now(clock).toLocalDate());
        return new Preview(decision.opdCode(), decision.opdName(), decision.ruleId(), decision.ruleVersion(),
                decision.explanation());
    }
}
