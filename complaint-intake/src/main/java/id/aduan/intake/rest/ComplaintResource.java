package id.aduan.intake.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.aduan.intake.config.IntakeConfig;
import id.aduan.intake.domain.Idempotency;
import id.aduan.intake.domain.SubmissionCommand;
import id.aduan.intake.domain.SubmissionResult;
import id.aduan.intake.domain.SubmitComplaint;
import id.aduan.support.problem.Problem;
import id.aduan.support.problem.ProblemException;
import id.aduan.support.problem.ProblemMappers;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The REST door: JSON in, {@link SubmitComplaint}'s result out as 202 or problem details. */
@Path("/api/v1/complaints")
@Tag(name = "Pengaduan / Complaints")
public class ComplaintResource {

    static final String API_CHANNEL = "api";
    /** The client's key is stored under this prefix; a key the door made up is handed out without it. */
    private static final String KEY_PREFIX = "api:";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{8,200}");

    @Inject
    SubmitComplaint submissions;

    @Inject
    IntakeConfig config;

    @Inject
    PublicStatusReader statusReader;

    @Inject
    ObjectMapper json;

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
    @APIResponse(responseCode = "503", description = "Not accepted yet; see Retry-After. If Kafka did not acknowledge in "
            + "time, the complaint is kept: retry with the same Idempotency-Key (or the one this answer's "
            + "Idempotency-Key header gives, if you sent none) to get its tracking number",
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
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        Locale locale = ProblemMessages.localeOf(headers);
        Idempotency idempotency = idempotency(idempotencyKey, complaint, locale);
        return submissions.submit(new SubmissionCommand(API_CHANNEL, complaint.category(), complaint.description(),
                        complaint.region(), complaint.address(), complaint.point(), complaint.reporterContact(),
                        Boolean.TRUE.equals(complaint.anonymous()), Boolean.TRUE.equals(complaint.confidential()),
                        null, idempotency))
                .map(result -> answer(result, uri, headers, locale));
    }

    private Response answer(SubmissionResult result, UriInfo uri, HttpHeaders headers, Locale locale) {
        if (result instanceof SubmissionResult.Accepted accepted) {
            URI statusUrl = statusUrl(uri, accepted.trackingNumber());
            return Response.accepted(new ComplaintReceipt(accepted.trackingNumber(), "SUBMITTED", statusUrl,
                    accepted.submittedAt(), accepted.citizenToken())).location(statusUrl).build();
        }
        if (result instanceof SubmissionResult.Invalid invalid) {
            throw ProblemException.invalid(invalid.violations().stream()
                    .map(v -> new Problem.FieldError(v.field(), ProblemMessages.text(locale, switch (v.reason()) {
                        case LOCATION_OUTSIDE_PROVINCE -> "problem.field.location-outside-province";
                        case REGION_NOT_FOUND -> "problem.field.region-not-found";
                    }))).toList());
        }
        if (result instanceof SubmissionResult.Unavailable unavailable) {
            String slug = switch (unavailable.cause()) {
                case BROKER -> "broker-unavailable";
                case STORAGE -> "storage-unavailable";
                case OVERLOADED -> "overloaded";
            };
            Response.ResponseBuilder problem = ProblemMappers.build(headers, uri, 503, slug, List.of())
                    .header(HttpHeaders.RETRY_AFTER, unavailable.retryAfterSeconds());
            if (unavailable.retryKey() != null) {
                problem.header(IDEMPOTENCY_KEY, unavailable.retryKey().substring(KEY_PREFIX.length()));
            }
            return problem.build();
        }
        if (result instanceof SubmissionResult.InProgress inProgress) {
            throw ProblemException.conflictRetry("request-in-progress", inProgress.retryAfterSeconds());
        }
        throw new ProblemException(422, "idempotency-key-reused");
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

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /**
     * The key and a hash of the request as read (contact included), so that a reused key with other content is seen.
     * Without a key the door makes one up, which the client gets only when it needs it (a 503 of unknown outcome).
     */
    private Idempotency idempotency(String key, NewComplaintRequest complaint, Locale locale) {
        byte[] content;
        try {
            content = json.writeValueAsBytes(complaint);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (key == null) {
            return Idempotency.minted(KEY_PREFIX + UUID.randomUUID(), content);
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.invalid(List.of(new Problem.FieldError(IDEMPOTENCY_KEY,
                    ProblemMessages.text(locale, "problem.field.idempotency-key"))));
        }
        return Idempotency.of(KEY_PREFIX + key, content);
    }

    private URI statusUrl(UriInfo uri, String trackingNumber) {
        UriBuilder base = config.publicBaseUrl().map(UriBuilder::fromUri).orElseGet(uri::getBaseUriBuilder);
        return base.path(ComplaintResource.class).path(trackingNumber).build();
    }
}
