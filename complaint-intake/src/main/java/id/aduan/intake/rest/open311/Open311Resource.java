package id.aduan.intake.rest.open311;

import id.aduan.events.Category;
import id.aduan.events.Wib;
import id.aduan.intake.config.IntakeConfig;
import id.aduan.intake.config.Open311Config;
import id.aduan.intake.domain.Idempotency;
import id.aduan.intake.domain.RateLimits;
import id.aduan.intake.domain.SubmissionCommand;
import id.aduan.intake.domain.SubmissionResult;
import id.aduan.intake.domain.SubmitComplaint;
import id.aduan.intake.domain.TrackingNumbers;
import id.aduan.intake.persistence.ComplaintStatusRecord;
import id.aduan.intake.persistence.ComplaintStatusRepository;
import id.aduan.intake.persistence.PublicMessageRecord;
import id.aduan.intake.persistence.PublicMessageRepository;
import id.aduan.intake.rest.ComplaintResource;
import id.aduan.support.messaging.TransientFailures;
import id.aduan.support.problem.ProblemException;
import id.aduan.support.problem.ProblemMessages;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2), the door of FixMyStreet and other Open311
 * clients: the categories as services, service requests created from a form with an api_key, and the public
 * read model as service requests. XML (the spec's required format) or JSON, by the resource's extension; errors
 * always in the spec's format, never as problem details, by the exception mappers of this class (which apply to
 * this resource only). See docs/open311.md.
 */
@Path("/open311/v2")
@Tag(name = "Open311 GeoReport v2")
public class Open311Resource {

    static final String CHANNEL = "open311";

    /** The format extension: none (XML), {@code .xml} or {@code .json}; any other is answered 400. */
    private static final String EXT = "{ext: (\\.[^/.]*)?}";

    /** The resources of this API, by the path under /open311/v2 (for telling 405 from 404). */
    private static final Pattern RESOURCES = Pattern.compile(
            "(discovery|services|services/[^/.]+|requests|requests/[^/.]+)(\\.[^/.]*)?");

    private static final DateTimeFormatter W3C = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private static final Logger LOG = Logger.getLogger(Open311Resource.class);

    @Inject
    Open311Config config;

    @Inject
    IntakeConfig intakeConfig;

    @Inject
    SubmitComplaint submissions;

    @Inject
    RateLimits rateLimits;

    @Inject
    ComplaintStatusRepository statuses;

    @Inject
    PublicMessageRepository messages;

    @Inject
    Clock clock;

    @GET
    @Path("discovery" + EXT)
    @Operation(summary = "Service discovery", description = "Where the GeoReport v2 endpoint is, and its formats.")
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = "text/xml", schema = @Schema(implementation = Open311Discovery.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Open311Discovery.class))})
    public Response discovery(@Parameter(description = ".xml (default) or .json") @PathParam("ext") String ext,
            @Context UriInfo uri) {
        Open311Format format = format(ext);
        String url = intakeConfig.publicBaseUrl().map(UriBuilder::fromUri).orElseGet(uri::getBaseUriBuilder)
                .path("open311/v2").build().toString();
        Open311Discovery discovery = new Open311Discovery(config.changeset(), config.contact(), config.keyService(),
                List.of(new Open311Discovery.Endpoint(Open311Discovery.SPECIFICATION, url, config.changeset(),
                        "production", List.of("text/xml", MediaType.APPLICATION_JSON))));
        return ok(format, discovery, discovery);
    }

    @GET
    @Path("services" + EXT)
    @Operation(summary = "Service list: Aduan's categories", description = "service_code is the category's code.")
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = "text/xml", schema = @Schema(implementation = Open311Service.Services.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Open311Service.class))})
    public Response services(@Parameter(description = ".xml (default) or .json") @PathParam("ext") String ext) {
        List<Open311Service> services = Open311Services.all();
        return ok(format(ext), new Open311Service.Services(services), services);
    }

    @GET
    @Path("services/{serviceCode: [^/.]+}" + EXT)
    @Operation(summary = "Service definition", description = "Aduan's services ask for no extra attributes.")
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = "text/xml", schema = @Schema(implementation = Open311ServiceDefinition.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Open311ServiceDefinition.class))})
    @APIResponse(responseCode = "404", description = "Unknown service_code", content = {
            @Content(mediaType = "text/xml", schema = @Schema(implementation = Open311Error.Errors.class))})
    public Response serviceDefinition(@PathParam("serviceCode") String serviceCode,
            @Parameter(description = ".xml (default) or .json") @PathParam("ext") String ext) {
        Open311Format format = format(ext);
        Category category = Open311Services.category(serviceCode)
                .orElseThrow(() -> Open311Exception.notFound("open311.error.service-not-found"));
        Open311ServiceDefinition definition = new Open311ServiceDefinition(category.code(), List.of());
        return ok(format, definition, definition);
    }

    @POST
    @Path("requests" + EXT)
    @Operation(summary = "Create a service request (an Aduan complaint)",
            description = "Needs an api_key. Answers with the tracking number only once the complaint is on Kafka. "
                    + "The reporter's contact (email, names, phone) is stored by intake only, never published.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(implementation = Open311Form.class)))
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = "text/xml", schema = @Schema(implementation = Open311Receipt.Receipts.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Open311Receipt.class))})
    @APIResponse(responseCode = "400", description = "Missing or invalid fields, unknown service_code, location "
            + "outside Bengkulu, malformed form encoding", content = {
            @Content(mediaType = "text/xml", schema = @Schema(implementation = Open311Error.Errors.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Open311Error.class))})
    @APIResponse(responseCode = "403", description = "Missing or unknown api_key")
    @APIResponse(responseCode = "429", description = "Too many requests with this api_key; see Retry-After")
    @APIResponse(responseCode = "503", description = "Kafka or the database cannot take it now; see Retry-After")
    public Uni<Response> create(@Parameter(description = ".xml (default) or .json") @PathParam("ext") String ext,
            byte[] body, @Context HttpHeaders headers, @Context UriInfo uri) {
        Open311Format format = format(ext);
        MediaType type = headers.getMediaType();
        if (type == null || !"application".equalsIgnoreCase(type.getType())
                || !"x-www-form-urlencoded".equalsIgnoreCase(type.getSubtype())
                || !readableAsUtf8(type.getParameters().get(MediaType.CHARSET_PARAMETER), body)) {
            throw Open311Exception.badRequest("open311.error.content-type");
        }
        FormParameters form = FormParameters.parse(body);
        String apiKey = form.single("api_key");
        if (!isKnown(apiKey)) {
            throw Open311Exception.forbidden();
        }
        rateLimits.take(CHANNEL, apiKey).ifPresent(seconds -> {
            throw Open311Exception.tooManyRequests(seconds);
        });
        Open311Submission submission = Open311Submission.read(form);
        Locale locale = Open311Errors.localeOf(headers);
        // GeoReport has no idempotency key: the same client sending the very same request again is retrying it
        // (after a 503 or a lost answer), and gets the same tracking number.
        Idempotency idempotency = Idempotency.of(CHANNEL + ":" + Idempotency.sha256(
                (apiKey + "\n" + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)), body);
        return submissions.submit(new SubmissionCommand(CHANNEL, submission.category().code(),
                        submission.description(), null, submission.address(), submission.location(),
                        submission.contact(), false, false, null, idempotency))
                .map(result -> answer(result, format, locale, uri));
    }

    private Response answer(SubmissionResult result, Open311Format format, Locale locale, UriInfo uri) {
        if (result instanceof SubmissionResult.Accepted accepted) {
            String statusUrl = intakeConfig.publicBaseUrl().map(UriBuilder::fromUri)
                    .orElseGet(uri::getBaseUriBuilder).path(ComplaintResource.class)
                    .path(accepted.trackingNumber()).build().toString();
            Open311Receipt receipt = new Open311Receipt(accepted.trackingNumber(), Open311Errors.text(locale,
                    new Open311Exception.Message("open311.notice.accepted", statusUrl)), null);
            return ok(format, new Open311Receipt.Receipts(List.of(receipt)), List.of(receipt));
        }
        if (result instanceof SubmissionResult.Invalid invalid) {
            throw Open311Exception.invalid(invalid.violations().stream()
                    .map(v -> new Open311Exception.Message(switch (v.reason()) {
                        case LOCATION_OUTSIDE_PROVINCE -> "open311.error.outside";
                        case REGION_NOT_FOUND -> "open311.error.region-not-found";
                    })).toList());
        }
        if (result instanceof SubmissionResult.Unavailable unavailable) {
            throw Open311Exception.unavailable(switch (unavailable.cause()) {
                case BROKER -> "open311.error.broker-unavailable";
                case STORAGE -> "open311.error.storage-unavailable";
                case OVERLOADED -> "open311.error.overloaded";
            }, unavailable.retryAfterSeconds(), null);
        }
        if (result instanceof SubmissionResult.InProgress inProgress) {
            throw Open311Exception.unavailable("open311.error.in-progress", inProgress.retryAfterSeconds(), null);
        }
        // The key is a hash of the request itself: other content under it would be a hash collision.
        throw Open311Exception.of(409, "open311.error.http", "409");
    }

    @GET
    @Path("requests" + EXT)
    @WithSession
    @Operation(summary = "Public service requests",
            description = "Newest first, at most 1000; by default those of the last 90 days. Rahasia (confidential) "
                    + "complaints never appear; no personal data ever does.")
    @Parameter(name = "service_request_id", in = ParameterIn.QUERY,
            description = "Tracking numbers, comma separated; overrides every other filter")
    @Parameter(name = "service_code", in = ParameterIn.QUERY, description = "Service codes, comma separated")
    @Parameter(name = "start_date", in = ParameterIn.QUERY,
            description = "W3C datetime, e.g. 2026-11-01T00:00:00+07:00")
    @Parameter(name = "end_date", in = ParameterIn.QUERY,
            description = "W3C datetime; at most 90 days after start_date")
    @Parameter(name = "status", in = ParameterIn.QUERY, description = "open, closed, or both comma separated")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "FixMyStreet's extension: at most this many "
            + "(never more than 1000)")
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = "text/xml",
                    schema = @Schema(implementation = Open311ServiceRequest.ServiceRequests.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Open311ServiceRequest.class))})
    @APIResponse(responseCode = "400", description = "Invalid filters (dates, status, service_code, limit)")
    public Uni<Response> requests(@Parameter(description = ".xml (default) or .json") @PathParam("ext") String ext,
            @Context HttpServerRequest request) {
        Open311Format format = format(ext);
        Open311Query query = Open311Query.read(FormParameters.parseQuery(request.query()), config, Wib.now(clock));
        StringBuilder where = new StringBuilder("confirmed = true and confidential = false");
        Parameters parameters = new Parameters();
        if (query.byId()) {
            where.append(" and trackingNumber in :ids");
            parameters.and("ids", query.trackingNumbers());
        } else {
            where.append(" and submittedAt >= :start and submittedAt <= :end");
            parameters.and("start", query.start()).and("end", query.end());
            if (!query.categories().isEmpty()) {
                where.append(" and category in :categories");
                parameters.and("categories", query.categories().stream().map(Category::code).toList());
            }
            if (query.closed() != null) {
                where.append(query.closed() ? " and status in :closed" : " and status not in :closed");
                parameters.and("closed", Open311Status.CLOSED_STATUSES);
            }
        }
        return statuses.find(where.toString(), Sort.descending("submittedAt").and("trackingNumber"), parameters)
                .page(0, query.limit()).list()
                .chain(this::withNotes)
                .onFailure(TransientFailures::isTransient).transform(e -> Open311Exception.unavailable(
                        "open311.error.storage-unavailable", intakeConfig.retryAfterSeconds(), e))
                .map(requests -> ok(format, new Open311ServiceRequest.ServiceRequests(requests), requests));
    }

    @GET
    @Path("requests/{serviceRequestId: [^/.]+}" + EXT)
    @WithSession
    @Operation(summary = "One public service request", description = "A list of one, as the spec has it.")
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = "text/xml",
                    schema = @Schema(implementation = Open311ServiceRequest.ServiceRequests.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Open311ServiceRequest.class))})
    @APIResponse(responseCode = "404", description = "Unknown, or rahasia (never shown publicly)")
    public Uni<Response> request(@Parameter(description = "The tracking number") @PathParam("serviceRequestId")
            String serviceRequestId, @Parameter(description = ".xml (default) or .json") @PathParam("ext") String ext) {
        Open311Format format = format(ext);
        String trackingNumber = TrackingNumbers.canonical(serviceRequestId)
                .orElseThrow(() -> Open311Exception.notFound("open311.error.request-not-found"));
        return statuses.findByTrackingNumber(trackingNumber)
                .map(row -> row == null || !row.confirmed || row.confidential ? null : row)
                .onItem().ifNull().failWith(() -> Open311Exception.notFound("open311.error.request-not-found"))
                .chain(row -> withNotes(List.of(row)))
                .onFailure(TransientFailures::isTransient).transform(e -> Open311Exception.unavailable(
                        "open311.error.storage-unavailable", intakeConfig.retryAfterSeconds(), e))
                .map(requests -> ok(format, new Open311ServiceRequest.ServiceRequests(requests), requests));
    }

    /** Anything else under /open311/v2 is a resource that does not exist: 404 in the spec's format. */
    @GET
    @Path("{unknown: .*}")
    @Operation(hidden = true)
    public Response unknownGet() {
        throw Open311Exception.notFound("open311.error.not-found");
    }

    /** A method the resource does not have (POST on services...): 405; an unknown resource: 404. */
    @POST
    @Path("{unknown: .*}")
    @Operation(hidden = true)
    public Response unsupportedPost(@PathParam("unknown") String path) {
        throw unsupported(path);
    }

    @PUT
    @Path("{unknown: .*}")
    @Operation(hidden = true)
    public Response unsupportedPut(@PathParam("unknown") String path) {
        throw unsupported(path);
    }

    @DELETE
    @Path("{unknown: .*}")
    @Operation(hidden = true)
    public Response unsupportedDelete(@PathParam("unknown") String path) {
        throw unsupported(path);
    }

    @PATCH
    @Path("{unknown: .*}")
    @Operation(hidden = true)
    public Response unsupportedPatch(@PathParam("unknown") String path) {
        throw unsupported(path);
    }

    private static WebApplicationException unsupported(String path) {
        Matcher known = RESOURCES.matcher(path);
        if (!known.matches()) {
            return new NotFoundException();
        }
        String[] allowed = "requests".equals(known.group(1)) ? new String[] {"GET", "POST"} : new String[] {"GET"};
        return new WebApplicationException(Response.status(405).allow(allowed).build());
    }

    // --- Errors of this resource, in the spec's format ---

    @ServerExceptionMapper
    public Response open311(Open311Exception e, HttpHeaders headers, UriInfo uri) {
        if (e.getCause() != null) {
            LOG.warnf("Open311 %d: %s", e.status(), e.getCause().toString());
        }
        return Open311Errors.of(e, headers, uri.getPath());
    }

    /**
     * A shared filter's or the domain's refusal (a body that is not UTF-8, 409...), with its status, in this format:
     * the problem's detail, or its title when it has none.
     */
    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers, UriInfo uri) {
        boolean detailed = ProblemMessages.detail(Open311Errors.localeOf(headers), e.slug(), e.args()) != null;
        String[] args = Arrays.stream(e.args()).map(String::valueOf).toArray(String[]::new);
        Open311Exception refused = Open311Exception.of(e.status(),
                "problem." + e.slug() + (detailed ? ".detail" : ".title"), args);
        Response response = open311(refused, headers, uri);
        return e.retryAfterSeconds() == null ? response
                : Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }

    /** JAX-RS' own refusals: wrong method, unreadable request. */
    @ServerExceptionMapper
    public Response http(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status < 400) {
            return e.getResponse();
        }
        String key = switch (status) {
            case 404 -> "open311.error.not-found";
            case 405 -> "open311.error.method";
            default -> "open311.error.http";
        };
        int answered = status >= 500 ? status : status == 404 || status == 405 || status == 413 ? status : 400;
        Response response = open311(Open311Exception.of(answered, key, String.valueOf(status)), headers, uri);
        Set<String> allowed = e.getResponse().getAllowedMethods();
        return allowed.isEmpty() ? response : Response.fromResponse(response)
                .header(HttpHeaders.ALLOW, String.join(", ", new TreeSet<>(allowed))).build();
    }

    // --- Helpers ---

    private static Open311Format format(String ext) {
        return Open311Format.ofExtension(ext).orElseThrow(() -> Open311Exception.badRequest("open311.error.format"));
    }

    private static Response ok(Open311Format format, Object xmlDocument, Object json) {
        return Response.ok(format.write(xmlDocument, json)).header(HttpHeaders.CONTENT_TYPE, format.contentType())
                .build();
    }

    private static boolean isUtf8(String charset) {
        return charset == null || charset.equalsIgnoreCase("utf-8") || charset.equalsIgnoreCase("utf8");
    }

    /**
     * UTF-8, or a body of plain ASCII whatever Latin charset it declares: Java clients (and REST Assured) label
     * forms ISO-8859-1 by default, and percent-encoded ASCII reads the same in both.
     */
    private static boolean readableAsUtf8(String charset, byte[] body) {
        if (isUtf8(charset)) {
            return true;
        }
        boolean latin = charset.equalsIgnoreCase("iso-8859-1") || charset.equalsIgnoreCase("us-ascii")
                || charset.equalsIgnoreCase("latin1");
        if (!latin) {
            return false;
        }
        for (byte b : body) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** Compared by digest, in constant time: the answer does not tell how much of a key was right. */
    private boolean isKnown(String apiKey) {
        if (apiKey == null) {
            return false;
        }
        byte[] given = sha256(apiKey);
        boolean known = false;
        for (String key : config.apiKeys().orElse(List.of())) {
            known |= !key.isBlank() && MessageDigest.isEqual(given, sha256(key.strip()));
        }
        return known;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows as public service requests, each with its OPD's latest public reply as status_notes. */
    private Uni<List<Open311ServiceRequest>> withNotes(List<ComplaintStatusRecord> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = rows.stream().map(row -> row.complaintId).toList();
        return messages.list("complaintId in :ids and author = :author order by occurredAt desc",
                        Parameters.with("ids", ids).and("author", PublicMessageRecord.OPD))
                .map(replies -> {
                    Map<UUID, String> latest = new HashMap<>();
                    replies.forEach(reply -> latest.putIfAbsent(reply.complaintId, reply.message));
                    return rows.stream().map(row -> view(row, latest.get(row.complaintId))).toList();
                });
    }

    private static Open311ServiceRequest view(ComplaintStatusRecord row, String statusNotes) {
        Category category = row.categoryCode();
        return new Open311ServiceRequest(row.trackingNumber, Open311Status.of(row.status), statusNotes,
                category.label(true), category.code(), row.description, row.opdName, null, w3c(row.submittedAt),
                w3c(row.statusAt), null, row.address, null, null, row.latitude, row.longitude, null);
    }

    private static String w3c(OffsetDateTime time) {
        return time == null ? null : W3C.format(Wib.of(time));
    }
}
