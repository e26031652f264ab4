package id.aduan.support.time;

import id.aduan.support.problem.ProblemException;
import id.aduan.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The service's clock, for system tests that run deadlines on chosen instants: only a service started with
 * {@code aduan.clock.controllable=true} (never in production) lets an admin move it; elsewhere every call is 404.
 */
@Path("/api/v1/admin/clock")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ClockResource {

    /** The time the service reads now. */
    public record ClockView(OffsetDateTime now) {
    }

    /** From then on the clock reads {@code at} and runs on. */
    public record Move(@NotNull OffsetDateTime at) {
    }

    @Inject
    Clock clock;

    @GET
    public ClockView now() {
        return view(controllable());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public ClockView set(@NotNull @Valid Move move) {
        ControllableClock controllable = controllable();
        controllable.set(move.at().toInstant());
        return view(controllable);
    }

    @DELETE
    public ClockView reset() {
        ControllableClock controllable = controllable();
        controllable.reset();
        return view(controllable);
    }

    private ControllableClock controllable() {
        if (clock instanceof ControllableClock controllable) {
            return controllable;
        }
        throw new ProblemException(404, "not-found");
    }

    private static ClockView view(Clock clock) {
        return new ClockView(OffsetDateTime.now(clock.withZone(ZoneId.of("Asia/Jakarta"))));
    }
}
