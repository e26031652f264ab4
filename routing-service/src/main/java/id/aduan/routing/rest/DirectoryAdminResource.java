package id.aduan.routing.rest;

import id.aduan.routing.config.DirectoryLoader;
import id.aduan.routing.domain.DirectoryAdmin;
import id.aduan.routing.domain.DirectoryAdmin.Actor;
import id.aduan.routing.domain.Opd;
import id.aduan.routing.domain.Router;
import id.aduan.routing.persistence.OpdAuditRecord;
import id.aduan.routing.persistence.OpdAuditRepository;
import id.aduan.routing.persistence.OpdRepository;
import id.aduan.support.problem.Problem;
import id.aduan.support.problem.ProblemException;
import id.aduan.support.security.Caller;
import id.aduan.support.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The OPD directory for the Aduan admin (realm role {@code admin}): create, rename, merge and retire OPDs, each change
 * audited. Routing follows a change at once; a merger moves the open complaints on its day.
 */
@Path("/api/v1/admin/opds")
@Tag(name = "Direktori OPD / OPD directory (admin)")
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "Not an admin")
public class DirectoryAdminResource {

    private static final String CODE = "[A-Z0-9][A-Z0-9-]{1,39}";

    @Inject
    DirectoryAdmin admin;

    @Inject
    DirectoryLoader loader;

    @Inject
    Router router;

    @Inject
    SecurityIdentity identity;

    @Inject
    java.time.Clock clock;

    @Inject
    OpdRepository opds;

    @Inject
    OpdAuditRepository audits;

    @Schema(name = "Opd")
    public record OpdView(String code, String name, String level, String region, String liaison,
            LocalDate activeFrom, LocalDate activeUntil, String successor, boolean active, String handledBy) {
    }

    @Schema(name = "NewOpd")
    public record NewOpd(
            @Schema(examples = "DINSOSNAKER-PROV") @NotBlank @Pattern(regexp = CODE) String code,
            @NotBlank @Size(max = 200) String name,
            @Schema(description = "province, regency or outside", examples = "province")
            @Pattern(regexp = "province|regency|outside") String level,
            @Schema(description = "Kemendagri code of a regency office's kabupaten/kota") @Size(max = 8) String region,
            @Schema(description = "For a regency office or an outside body: the provincial OPD that follows up")
            @Size(max = 40) String liaison,
            @Schema(description = "First day it takes complaints; none: today") LocalDate activeFrom) {
    }

    @Schema(name = "OpdRename")
    public record Rename(@NotBlank @Size(max = 200) String name) {
    }

    @Schema(name = "OpdMerger")
    public record Merger(
            @Schema(examples = "[\"DINSOS-PROV\", \"DISNAKERTRANS-PROV\"]") @NotEmpty @Size(max = 20)
            List<@NotBlank @Pattern(regexp = CODE) String> from,
            @Schema(examples = "DINSOSNAKER-PROV") @NotBlank @Pattern(regexp = CODE) String into,
            @Schema(description = "Needed when the OPD merged into is new") @Size(max = 200) String intoName,
            @Schema(description = "The first day of the merged OPD; today or later") @NotNull LocalDate on,
            @Size(max = 500) String reason) {
    }

    @Schema(name = "OpdRetirement")
    public record Retirement(@NotNull LocalDate on,
            @Schema(description = "Who takes its work; none: triage (refused while a rule still names it)")
            @Pattern(regexp = CODE) String successor,
            @Size(max = 500) String reason) {
    }

    @Schema(name = "OpdSuccession")
    public record SuccessionView(String id, List<String> from, String into, LocalDate effectiveOn,
            boolean announced) {
    }

    @Schema(name = "OpdAuditEntry")
    public record AuditView(long id, OffsetDateTime at, String actor, String actorName, String action,
            String opdCode, String before, String after, String changeId) {
    }

    @GET
    @WithSession
    @Operation(summary = "Semua OPD, aktif dan tidak / every OPD, active or not")
    public Uni<List<OpdView>> list() {
        return opds.allByCode().map(rows -> rows.stream().map(r -> view(r.toOpd())).toList());
    }

    @GET
    @Path("{code}")
    @WithSession
    @Operation(summary = "Satu OPD / one OPD")
    @APIResponse(responseCode = "404", description = "Unknown OPD",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<OpdView> one(@PathParam("code") String code) {
        return opds.findById(code).map(r -> {
            if (r == null) {
                throw new ProblemException(404, "opd-unknown", code);
            }
            return view(r.toOpd());
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Tambah OPD / create an OPD")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = OpdView.class)))
    @APIResponse(responseCode = "409", description = "The code exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The directory would not fit the rules",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@NotNull @Valid NewOpd body) {
        Opd opd = new Opd(body.code(), body.name().strip(), body.level(), blankToNull(body.region()),
                blankToNull(body.liaison()), body.activeFrom(), null, null);
        return admin.create(actor(), opd).call(this::reload)
                .map(created -> Response.created(URI.create("/api/v1/admin/opds/" + created.code()))
                        .entity(view(created)).build());
    }

    @PATCH
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ganti nama OPD / rename an OPD",
            description = "Closed complaints keep the name they had; new decisions use the new one.")
    public Uni<OpdView> rename(@PathParam("code") String code, @NotNull @Valid Rename body) {
        return admin.rename(actor(), code, body.name()).call(this::reload).map(this::view);
    }

    @POST
    @Path("merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Gabungkan OPD / merge OPDs",
            description = "From `on`, routing names `into`; on that day the open complaints of `from` move to it, "
                    + "each with an event. `into` is created when new (give `intoName`).")
    public Uni<SuccessionView> merge(@NotNull @Valid Merger body) {
        return admin.merge(actor(), body.from(), body.into(), body.intoName(), body.on(), body.reason())
                .call(this::reload).map(DirectoryAdminResource::view);
    }

    @POST
    @Path("{code}/retire")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Nonaktifkan OPD / retire an OPD")
    public Uni<SuccessionView> retire(@PathParam("code") String code, @NotNull @Valid Retirement body) {
        return admin.retire(actor(), code, body.on(), body.successor(), body.reason()).call(this::reload)
                .map(DirectoryAdminResource::view);
    }

    @GET
    @Path("audit")
    @WithSession
    @Operation(summary = "Jejak perubahan direktori / the directory's audit trail, newest first")
    public Uni<List<AuditView>> audit(@QueryParam("opd") @Pattern(regexp = CODE) String opd,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return audits.newestFirst(opd, limit).map(rows -> rows.stream().map(DirectoryAdminResource::view).toList());
    }

    private Uni<?> reload() {
        return loader.reload(router.rules());
    }

    private Actor actor() {
        Caller caller = Caller.of(identity);
        return new Actor(caller.subject(), caller.username());
    }

    private OpdView view(Opd opd) {
        LocalDate today = id.aduan.events.Wib.now(clock).toLocalDate();
        Opd handler = router.rules().resolve(opd.code(), today);
        return new OpdView(opd.code(), opd.name(), opd.level(), opd.region(), opd.liaison(), opd.activeFrom(),
                opd.activeUntil(), opd.successor(), opd.isActiveOn(today), handler == null ? null : handler.code());
    }

    private static SuccessionView view(DirectoryAdmin.Succession s) {
        return new SuccessionView(s.id().toString(), s.from(), s.into(), s.effectiveOn(), s.announced());
    }

    private static AuditView view(OpdAuditRecord a) {
        return new AuditView(a.id, id.aduan.events.Wib.of(a.at), a.actor, a.actorName, a.action, a.opdCode, a.before,
                a.after, a.changeId == null ? null : a.changeId.toString());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
