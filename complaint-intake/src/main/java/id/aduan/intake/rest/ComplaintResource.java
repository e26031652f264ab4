package id.aduan.intake.rest;

import id.aduan.events.Category;
import id.aduan.events.Wib;
import id.aduan.intake.config.IntakeConfig;
import id.aduan.intake.domain.ComplaintIntake;
import id.aduan.events.Region;
import id.aduan.intake.domain.RegionDirectory;
import id.aduan.intake.domain.TrackingNumbers;
import id.aduan.intake.persistence.ComplaintStatusRecord;
import id.aduan.intake.persistence.ComplaintStatusRepository;
import id.aduan.intake.persistence.PublicMessageRecord;
import id.aduan.intake.persistence.PublicMessageRepository;
import id.aduan.intake.domain.CitizenConversation;
import id.aduan.events.ComplaintStatus;
import id.aduan.support.messaging.TransientFailures;
import id.aduan.support.problem.Problem;
import id.aduan.support.problem.ProblemException;
import id.aduan.support.problem.ProblemMessages;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/complaints")
@Tag(name = "Pengaduan / Complaints")
public class ComplaintResource {

    private static final String API_CHANNEL = "api";

    @Inject
    ComplaintIntake intake;

    @Inject
    RegionDirectory regions;

    @Inject
    ComplaintStatusRepository statuses;

    @Inject
    IntakeConfig config;

    @Inject
    PublicMessageRepository messages;

    @Inject
    CitizenConversation conversation;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Kirim pengaduan / submit a complaint",
            description = "Answers 202 with the tracking number only once the complaint is durably on Kafka. "
                    + "The reporter's contact is stored by intake and never published.")
    @APIResponse(responseCode = "202", description = "Diterima / accepted",
            content = @Content(schema = @Schema(implementation = ComplaintReceipt.class)))
    @APIResponse(responseCode = "400", description = "Data tidak valid / invalid input",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body too large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Kafka or the database cannot take it now; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> submit(
            @NotNull(message = "{complaint.body.required}") @Valid NewComplaintRequest complaint,
            @Context UriInfo uri) {
        return intake.submit(complaint.toDraft(regions, API_CHANNEL))
                .onFailure(TransientFailures::isTransient).transform(e -> ProblemException.unavailable(
                        "storage-unavailable", config.retryAfterSeconds(), e))
                .map(accepted -> {
                    URI statusUrl = statusUrl(uri, accepted.trackingNumber());
                    return Response.accepted(new ComplaintReceipt(accepted.trackingNumber(), "SUBMITTED", statusUrl,
                            accepted.submittedAt(), accepted.citizenToken())).location(statusUrl).build();
                });
    }

    @GET
    @Path("/{trackingNumber}")
    @Produces(MediaType.APPLICATION_JSON)
    @WithSession
    @Operation(summary = "Status pengaduan / public status of a complaint",
            description = "Shows the status, category, region and responsible OPD; never personal data.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PublicStatus.class)))
    @APIResponse(responseCode = "404", description = "Unknown tracking number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PublicStatus> status(@PathParam("trackingNumber") String trackingNumber, @Context HttpHeaders headers) {
        String canonical = TrackingNumbers.canonical(trackingNumber)
                .orElseThrow(() -> new ProblemException(404, "complaint-not-found"));
        Locale locale = ProblemMessages.localeOf(headers);
        return statuses.findByTrackingNumber(canonical)
                .onItem().ifNull().failWith(() -> new ProblemException(404, "complaint-not-found"))
                .chain(row -> messages.of(row.complaintId).map(words -> view(row, words, locale)));
    }

    private PublicStatus view(ComplaintStatusRecord row, List<PublicMessageRecord> words, Locale locale) {
        Category category = row.categoryCode();
        String regionName = regions.byCode(row.regionCode).map(Region::name).orElse(null);
        return new PublicStatus(row.trackingNumber, row.status.name(), category.code(),
                category.label(ProblemMessages.INDONESIAN.equals(locale)), row.regionCode, regionName, row.opdCode,
                row.opdName, Wib.of(row.submittedAt), Wib.of(row.statusAt),
                row.status == ComplaintStatus.WAITING_FOR_CITIZEN, row.status == ComplaintStatus.RESOLVED,
                Wib.of(conversation.reopenUntil(row)),
                words.stream().map(w -> new PublicStatus.Message(Wib.of(w.occurredAt), w.author, w.action,
                        w.message)).toList());
    }

    private URI statusUrl(UriInfo uri, String trackingNumber) {
        UriBuilder base = config.publicBaseUrl().map(UriBuilder::fromUri).orElseGet(uri::getBaseUriBuilder);
        return base.path(ComplaintResource.class).path(trackingNumber).build();
    }
}
