package id.aduan.intake.rest;

import id.aduan.events.Category;
import id.aduan.events.Wib;
import id.aduan.intake.config.IntakeConfig;
import id.aduan.intake.domain.ComplaintDraft;
import id.aduan.intake.domain.ComplaintIntake;
import id.aduan.intake.domain.ComplaintNormalizer;
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
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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

    @Inject
    ComplaintNormalizer normalizer;

    @Inject
    PublicStatusReader statusReader;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

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
    @APIResponse(responseCode = "409", description = "A request with this Idempotency-Key is still in progress",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with other content",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many submissions from this address; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RateLimited
    public Uni<Response> submit(
            @NotNull(message = "{complaint.body.required}") @Valid NewComplaintRequest complaint,
            @Parameter(description = "Kunci unik per pengaduan (8-200 karakter): kirim ulang dengan kunci yang sama "
                    + "untuk mendapat nomor pelacakan yang sama tanpa pengaduan ganda")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        Locale locale = ProblemMessages.localeOf(headers);
        ComplaintIntake.Idempotency idempotency = idempotency(idempotencyKey, complaint, locale);
        if (complaint.point() != null && !normalizer.inProvince(complaint.point())) {
            throw ProblemException.invalid(List.of(new Problem.FieldError("location",
                    ProblemMessages.text(locale, "problem.field.location-outside-province"))));
        }
        ComplaintNormalizer.Reading reading = normalizer.read(complaint.toInput());
        if (reading.region().isEmpty()) {
            throw ProblemException.invalid(List.of(new Problem.FieldError("region",
                    ProblemMessages.text(locale, "problem.field.region-not-found"))));
        }
        ComplaintDraft draft = ComplaintDraft.of(reading, complaint.point(), API_CHANNEL, complaint.reporterContact(),
                Boolean.TRUE.equals(complaint.anonymous()), Boolean.TRUE.equals(complaint.confidential()));
        return intake.submit(draft, idempotency)
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
        return statusReader.read(trackingNumber, ProblemMessages.localeOf(headers));
    }

    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{8,200}");

    /** The key and a hash of the request as read (contact included), so a reused key with other content is seen. */
    private ComplaintIntake.Idempotency idempotency(String key, NewComplaintRequest complaint, Locale locale) {
        if (key == null) {
            return null;
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.invalid(List.of(new Problem.FieldError("Idempotency-Key",
                    ProblemMessages.text(locale, "problem.field.idempotency-key"))));
        }
        try {
            return ComplaintIntake.Idempotency.of("api:" + key, json.writeValueAsBytes(complaint));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private URI statusUrl(UriInfo uri, String trackingNumber) {
        UriBuilder base = config.publicBaseUrl().map(UriBuilder::fromUri).orElseGet(uri::getBaseUriBuilder);
        return base.path(ComplaintResource.class).path(trackingNumber).build();
    }
}
