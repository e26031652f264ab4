package id.aduan.inbox.rest;

import id.aduan.events.Wib;
import id.aduan.events.ComplaintStatus;
import id.aduan.inbox.domain.InboxCursor;
import id.aduan.inbox.domain.InboxFilter;
import id.aduan.inbox.domain.InboxSort;
import id.aduan.inbox.domain.InboxQueries;
import id.aduan.inbox.persistence.InboxComplaint;
import id.aduan.support.problem.Problem;
import id.aduan.support.problem.ProblemException;
import id.aduan.support.rest.Ids;
import id.aduan.support.problem.ProblemMessages;
import id.aduan.support.security.Caller;
import id.aduan.support.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Set;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/inbox")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Kotak masuk OPD / OPD inbox",
        description = "Bearer token of realm aduan. Staff and heads see only the complaints of the OPD in their token "
                + "(another OPD's complaint is 404, whether or not it exists); the governor reads every OPD.")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "A role that may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class InboxResource {

    private static final int SUMMARY_LENGTH = 160;

    @Inject
    InboxQueries queries;

    @Inject
    SecurityIdentity identity;

    @Inject
    ComplaintViews views;

    /** The list's query parameters; any other is refused, so that a mistyped filter never silently shows all. */
    static final Set<String> LIST_PARAMETERS = Set.of("status", "category", "region", "overdue", "from", "to", "q",
            "sort", "limit", "cursor", "opd");

    @GET
    @Path("/complaints")
    @RolesAllowed({Roles.OPD_STAFF, Roles.OPD_HEAD, Roles.GOVERNOR})
    @Operation(summary = "Daftar pengaduan / the complaints of the caller's OPD",
            description = "Filters combine. Keyset pagination: pass nextCursor back as cursor, with the same filters "
                    + "and sort. The governor sees every OPD and may narrow to one with opd.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InboxPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid or unknown parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<InboxPage> list(
            @QueryParam("status")
            @Pattern(regexp = "SUBMITTED|ROUTED|ACKNOWLEDGED|WAITING_FOR_CITIZEN|RESPONDED|RESOLVED|REJECTED|CLOSED"
                    + "|REOPENED", message = "{inbox.status.invalid}") String status,
            @QueryParam("category") @Pattern(regexp = "road|school|health|other", message = "{inbox.category.invalid}")
            String category,
            @QueryParam("region") @Pattern(regexp = "\\d{4}", message = "{inbox.region.invalid}") String region,
            @QueryParam("overdue") @Pattern(regexp = "true|false", message = "{inbox.overdue.invalid}") String overdue,
            @Parameter(description = "Submitted on or after this day (YYYY-MM-DD, WIB)")
            @QueryParam("from") @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "{inbox.date.invalid}") String from,
            @Parameter(description = "Submitted on or before this day (YYYY-MM-DD, WIB)")
            @QueryParam("to") @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "{inbox.date.invalid}") String to,
            @Parameter(description = "Words in the tracking number, description or address")
            @QueryParam("q") @Size(min = 2, max = 100, message = "{inbox.q.size}") String text,
            @QueryParam("sort") @DefaultValue("newest")
            @Pattern(regexp = "newest|oldest|deadline", message = "{inbox.sort.invalid}") String sort,
            // A String, so that "lots" is a 400 naming the parameter rather than JAX-RS's 404.
            @QueryParam("limit") @DefaultValue("50") @Pattern(regexp = "\\d{1,6}", message = "{inbox.limit.range}")
            @Min(value = 1, message = "{inbox.limit.range}") @Max(value = 200, message = "{inbox.limit.range}")
            String limit,
            @QueryParam("cursor") String cursor,
            @QueryParam("opd") @Pattern(regexp = "[A-Z0-9-]{2,40}", message = "{inbox.opd.invalid}") String opd,
            @Context HttpHeaders headers,
            @Context UriInfo uri) {
        Locale locale = ProblemMessages.localeOf(headers);
        List<Problem.FieldError> errors = new ArrayList<>();
        for (String name : uri.getQueryParameters().keySet()) {
            if (!LIST_PARAMETERS.contains(name)) {
                errors.add(new Problem.FieldError(name, ProblemMessages.text(locale, "inbox.parameter.unknown")));
            }
        }
        InboxSort order = InboxSort.valueOf(sort.toUpperCase(Locale.ROOT));
        InboxCursor after = null;
        if (cursor != null && !cursor.isBlank()) {
            after = InboxCursor.decode(cursor).filter(c -> c.sort() == order).orElse(null);
            if (after == null) {
                errors.add(new Problem.FieldError("cursor", ProblemMessages.text(locale, "inbox.cursor.invalid")));
            }
        }
        OffsetDateTime fromTime = day(from, "from", 0, errors, locale);
        OffsetDateTime toTime = day(to, "to", 1, errors, locale);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        InboxFilter filter = new InboxFilter(status == null ? null : ComplaintStatus.valueOf(status), category, region,
                overdue == null ? null : Boolean.valueOf(overdue), fromTime, toTime, text, order);
        Caller.Scope scope = scope(opd, headers);
        return queries.page(scope, filter, after, Integer.parseInt(limit))
                .map(page -> new InboxPage(page.items().stream().map(this::item).toList(),
                        page.next() == null ? null : page.next().encode()));
    }

    /** The start of a day in WIB, plus some days; a bad date becomes a field error. */
    private static OffsetDateTime day(String text, String field, int plusDays, List<Problem.FieldError> errors,
            Locale locale) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text).plusDays(plusDays).atStartOfDay(Wib.ZONE).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, ProblemMessages.text(locale, "inbox.date.invalid")));
            return null;
        }
    }

    @GET
    @Path("/complaints/{id}")
    @RolesAllowed({Roles.OPD_STAFF, Roles.OPD_HEAD, Roles.GOVERNOR})
    @Operation(summary = "Rincian pengaduan / a complaint, its routing and its history")
    @APIResponse(responseCode = "200", description = "The complaint; its version is also the ETag",
            content = @Content(schema = @Schema(implementation = ComplaintDetail.class)))
    @APIResponse(responseCode = "404", description = "No such complaint",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> detail(@PathParam("id") String id) {
        return queries.detail(Ids.uuid(id), Caller.of(identity).scope())
                .onItem().ifNull().failWith(() -> new ProblemException(404, "not-found"))
                .map(views::response);
    }

    @GET
    @Path("/stats")
    @RolesAllowed({Roles.OPD_HEAD, Roles.GOVERNOR})
    @Operation(summary = "Statistik OPD / complaints per status of the head's OPD; the governor's of any or all")
    public Uni<InboxStats> stats(
            @QueryParam("opd") @Pattern(regexp = "[A-Z0-9-]{2,40}", message = "{inbox.opd.invalid}") String opd,
            @Context HttpHeaders headers) {
        return queries.stats(scope(opd, headers))
                .map(s -> new InboxStats(s.opdCode(), s.byStatus(), s.total()));
    }

    /**
     * The caller's scope. Staff and heads always get their own OPD: the opd filter is the governor's, and anyone
     * else who names another OPD is told so rather than silently shown their own.
     */
    private Caller.Scope scope(String opdFilter, HttpHeaders headers) {
        Caller caller = Caller.of(identity);
        Caller.Scope scope = caller.scope();
        if (opdFilter == null) {
            return scope;
        }
        if (scope.isAll()) {
            return new Caller.Scope(opdFilter);
        }
        if (!scope.opd().equals(opdFilter)) {
            throw ProblemException.invalid(List.of(new Problem.FieldError("opd",
                    ProblemMessages.text(ProblemMessages.localeOf(headers), "inbox.opd.governor-only"))));
        }
        return scope;
    }

    private InboxItem item(InboxComplaint c) {
        String summary = c.description.length() <= SUMMARY_LENGTH ? c.description
                : c.description.substring(0, SUMMARY_LENGTH - 1) + "…";
        return new InboxItem(c.id, c.trackingNumber, c.category, c.regionCode, summary, c.status.name(), c.opdCode,
                c.assigneeName, Wib.of(c.submittedAt), Wib.of(c.routedAt), Wib.of(c.receivedAt),
                views.deadline(c));
    }
}
