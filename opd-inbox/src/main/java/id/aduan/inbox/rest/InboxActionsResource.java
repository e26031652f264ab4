package id.aduan.inbox.rest;

import id.aduan.events.ComplaintAction;
import id.aduan.inbox.domain.ActionRequest;
import id.aduan.inbox.domain.InboxActions;
import id.aduan.inbox.domain.InboxQueries;
import id.aduan.inbox.domain.StaffDirectory;
import id.aduan.support.problem.Problem;
import id.aduan.support.problem.ProblemException;
import id.aduan.support.rest.Ids;
import id.aduan.support.security.Caller;
import id.aduan.support.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What OPD staff do with a complaint. Staff and heads only, on complaints of the OPD in their token; the governor
 * reads but never acts. Each action answers with the complaint as it now is (its version as ETag).
 */
@Path("/api/v1/inbox")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPD_STAFF, Roles.OPD_HEAD})
@Tag(name = "Tindakan OPD / OPD actions",
        description = "Each action is an event (ComplaintStatusChanged) written with the change, through an outbox.")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "200", description = "The complaint after the action",
        content = @Content(schema = @Schema(implementation = ComplaintDetail.class)))
@APIResponse(responseCode = "400", description = "Invalid body",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not staff of an OPD",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such complaint in the caller's OPD",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "409", description = "Not allowed in the complaint's status, or changed meanwhile",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "412", description = "If-Match names an older version",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class InboxActionsResource {

    private static final String IF_MATCH = "If-Match";

    @Inject
    InboxActions actions;

    @Inject
    InboxQueries queries;

    @Inject
    StaffDirectory staffDirectory;

    @Inject
    SecurityIdentity identity;

    @Inject
    ComplaintViews views;

    @POST
    @Path("/complaints/{id}/acknowledge")
    @Operation(summary = "Terima / acknowledge: the first response")
    public Uni<Response> acknowledge(@PathParam("id") String id, @Valid ActionBodies.Acknowledge body, @HeaderParam(IF_MATCH)
            @Parameter(description = "The version (ETag) the action is based on") String ifMatch) {
        return act(id, new ActionRequest(ComplaintAction.ACKNOWLEDGE, body == null ? null : body.message(), null,
                null, null, version(ifMatch)));
    }

    @POST
    @Path("/complaints/{id}/respond")
    @Operation(summary = "Balas / respond: a public reply the citizen sees")
    public Uni<Response> respond(@PathParam("id") String id, @NotNull(message = "{inbox.body.required}") @Valid
            ActionBodies.Respond body, @HeaderParam(IF_MATCH) String ifMatch) {
        return act(id, new ActionRequest(ComplaintAction.RESPOND, body.message(), null, null, null,
                version(ifMatch)));
    }

    @POST
    @Path("/complaints/{id}/request-info")
    @Operation(summary = "Minta keterangan / ask the citizen; the deadline pauses until they answer")
    public Uni<Response> requestInfo(@PathParam("id") String id, @NotNull(message = "{inbox.body.required}") @Valid
            ActionBodies.RequestInfo body, @HeaderParam(IF_MATCH) String ifMatch) {
        return act(id, new ActionRequest(ComplaintAction.REQUEST_INFO, body.question(), null, null, null,
                version(ifMatch)));
    }

    @POST
    @Path("/complaints/{id}/resolve")
    @Operation(summary = "Selesai / resolve, with what was done")
    public Uni<Response> resolve(@PathParam("id") String id, @NotNull(message = "{inbox.body.required}") @Valid
            ActionBodies.Resolve body, @HeaderParam(IF_MATCH) String ifMatch) {
        return act(id, new ActionRequest(ComplaintAction.RESOLVE, body.message(), null, null, null,
                version(ifMatch)));
    }

    @POST
    @Path("/complaints/{id}/reject")
    @Operation(summary = "Bukan kewenangan kami / not our authority, with a reason and perhaps who should take it")
    public Uni<Response> reject(@PathParam("id") String id, @NotNull(message = "{inbox.body.required}") @Valid
            ActionBodies.Reject body, @HeaderParam(IF_MATCH) String ifMatch) {
        return act(id, new ActionRequest(ComplaintAction.REJECT, body.message(), body.reason(), body.suggestedOpd(),
                null, version(ifMatch)));
    }

    @POST
    @Path("/complaints/{id}/notes")
    @Operation(summary = "Catatan internal / an internal note, never public")
    public Uni<Response> note(@PathParam("id") String id, @NotNull(message = "{inbox.body.required}") @Valid
            ActionBodies.Note body, @HeaderParam(IF_MATCH) String ifMatch) {
        return act(id, new ActionRequest(ComplaintAction.NOTE, null, body.text(), null, null, version(ifMatch)));
    }

    @POST
    @Path("/complaints/{id}/assign")
    @Operation(summary = "Tugaskan / assign to a staff member of the same OPD")
    public Uni<Response> assign(@PathParam("id") String id, @NotNull(message = "{inbox.body.required}") @Valid
            ActionBodies.Assign body, @HeaderParam(IF_MATCH) String ifMatch) {
        return act(id, new ActionRequest(ComplaintAction.ASSIGN, null, null, null, body.assignee(),
                version(ifMatch)));
    }

    @GET
    @Path("/staff")
    @Operation(summary = "Staf OPD / the staff of the caller's OPD who can be assigned complaints")
    public Uni<List<StaffView>> staff() {
        Caller caller = Caller.of(identity);
        String opd = caller.opdForActions();
        return staffDirectory.seen(caller).chain(() -> staffDirectory.ofOpd(opd))
                .map(list -> list.stream().map(m -> new StaffView(m.username, m.lastSeen)).toList());
    }

    private Uni<Response> act(String id, ActionRequest request) {
        UUID complaintId = Ids.uuid(id);
        Caller caller = Caller.of(identity);
        return staffDirectory.seen(caller)
                .chain(() -> actions.apply(complaintId, caller, request))
                .chain(changed -> queries.detail(changed, caller.scope()))
                .map(views::response);
    }

    /** The version in If-Match ({@code "3"} or {@code 3}), or {@code null} without the header. */
    static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        try {
            return Long.parseLong(ifMatch.trim().replaceAll("^W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new ProblemException(412, "stale-version", ifMatch);
        }
    }
}
