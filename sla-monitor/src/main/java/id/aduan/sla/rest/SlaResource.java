package id.aduan.sla.rest;

import id.aduan.events.EventEnvelope;
import id.aduan.events.Wib;
import id.aduan.sla.domain.SlaQueries;
import id.aduan.sla.persistence.SlaClock;
import id.aduan.support.problem.Problem;
import id.aduan.support.problem.ProblemException;
import id.aduan.support.rest.Ids;
import id.aduan.support.security.Caller;
import id.aduan.support.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/sla")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tenggat / SLA", description = "Bearer token of realm aduan. Staff and heads see the clocks of the OPD in "
        + "their token; the governor sees every OPD's.")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.OPD_STAFF, Roles.OPD_HEAD, Roles.GOVERNOR})
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "A role that may not read clocks",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SlaResource {

    @Inject
    SlaQueries queries;

    @Inject
    Clock clock;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/overdue")
    @Operation(summary = "Pengaduan lewat tenggat / open complaints past their deadline, most overdue first",
            description = "Staff and heads get their own OPD's; the governor every OPD's, or one with opd.")
    @APIResponse(responseCode = "400", description = "Invalid parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<ClockView>> overdue(
            @QueryParam("opd") @Pattern(regexp = "[A-Z0-9-]{2,40}", message = "{sla.opd.invalid}") String opd,
            @QueryParam("limit") @DefaultValue("100") @Pattern(regexp = "\\d{1,6}", message = "{sla.limit.range}")
            @Min(value = 1, message = "{sla.limit.range}") @Max(value = 1000, message = "{sla.limit.range}")
            String limit) {
        Caller.Scope scope = Caller.of(identity).scope();
        // The governor may narrow to one OPD; anyone else always sees their own, whatever they ask for.
        String opdCode = scope.isAll() ? opd : scope.opd();
        OffsetDateTime now = EventEnvelope.now(clock);
        return queries.overdue(opdCode, Integer.parseInt(limit))
                .map(list -> list.stream().map(c -> view(c, now)).toList());
    }

    @GET
    @Path("/clocks/{complaintId}")
    @Operation(summary = "Jam tenggat satu pengaduan / one complaint's deadline clock")
    @APIResponse(responseCode = "404", description = "No clock for this complaint",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ClockView> clock(@PathParam("complaintId") String id) {
        UUID complaintId = Ids.uuid(id);
        OffsetDateTime now = EventEnvelope.now(clock);
        Caller.Scope scope = Caller.of(identity).scope();
        return queries.clock(complaintId)
                .map(c -> c != null && (scope.covers(c.opdCode) || c.liaisonOpdCode != null
                        && scope.covers(c.liaisonOpdCode)) ? c : null)
                .onItem().ifNull().failWith(() -> new ProblemException(404, "not-found"))
                .map(c -> view(c, now));
    }

    private static ClockView view(SlaClock c, OffsetDateTime now) {
        boolean overdue = "RUNNING".equals(c.state()) && c.deadline.isBefore(now);
        return new ClockView(c.complaintId, c.trackingNumber, c.opdCode, c.liaisonOpdCode, c.category, c.regionCode,
                c.status.name(),
                c.state(), Wib.of(c.startedAt), Wib.of(c.deadline), Wib.of(c.stoppedAt), Wib.of(c.pausedAt),
                Wib.of(c.breachedAt), overdue,
                overdue ? Duration.between(c.deadline, now).toHours() : 0);
    }
}
