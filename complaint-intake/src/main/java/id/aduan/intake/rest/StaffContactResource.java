package id.aduan.intake.rest;

import id.aduan.intake.domain.TrackingNumbers;
import id.aduan.intake.persistence.ComplaintStatusRepository;
import id.aduan.intake.persistence.ReporterContactRepository;
import id.aduan.support.problem.Problem;
import id.aduan.support.problem.ProblemException;
import id.aduan.support.security.Caller;
import id.aduan.support.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The reporter's contact, for the staff of the OPD that now holds the complaint, and only if the citizen did not
 * report it as anonim. Personal data leaves intake only here, over HTTPS to an authenticated person, never through
 * Kafka. Anything else (another OPD, anonim, no contact) is a plain 404.
 */
@Path("/api/v1/staff/complaints/{trackingNumber}/contact")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPD_STAFF, Roles.OPD_HEAD})
@Tag(name = "Staf OPD / OPD staff")
@SecurityRequirement(name = "SecurityScheme")
public class StaffContactResource {

    @Inject
    ComplaintStatusRepository statuses;

    @Inject
    ReporterContactRepository contacts;

    @Inject
    SecurityIdentity identity;

    /** How to reach the reporter. */
    public record Contact(String name, String phone, String email) {
    }

    @GET
    @WithSession
    @Operation(summary = "Kontak pelapor / the reporter's contact, for the OPD holding the complaint (or its liaison)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Contact.class)))
    @APIResponse(responseCode = "404", description = "Not this OPD's complaint, anonim, or no contact given",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Contact> contact(@PathParam("trackingNumber") String trackingNumber) {
        String opd = Caller.of(identity).opdForActions();
        String canonical = TrackingNumbers.canonical(trackingNumber)
                .orElseThrow(() -> new ProblemException(404, "not-found"));
        return statuses.findByTrackingNumber(canonical)
                .chain(row -> row == null || row.anonymous
                        || !opd.equals(row.opdCode) && !opd.equals(row.liaisonOpdCode)
                        ? Uni.createFrom().nullItem() : contacts.findById(row.complaintId))
                .onItem().ifNull().failWith(() -> new ProblemException(404, "not-found"))
                .map(c -> new Contact(c.name, c.phone, c.email));
    }
}
