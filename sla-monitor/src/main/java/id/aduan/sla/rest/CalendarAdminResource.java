package id.aduan.sla.rest;

import id.aduan.events.Wib;
import id.aduan.sla.domain.CalendarAdmin;
import id.aduan.sla.domain.Calendars;
import id.aduan.support.problem.Problem;
import id.aduan.support.problem.ProblemException;
import id.aduan.support.security.Caller;
import id.aduan.support.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/calendar")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Kalender kerja / working-day calendar", description = "Realm role admin. The holidays and cuti bersama "
        + "that stop the deadline clocks: the built-in files of each year, and corrections. A correction re-computes "
        + "the open deadlines around its day within seconds.")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "400", description = "Invalid date, year or body",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not an admin",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CalendarAdminResource {

    /**
     * One day off (or, corrected, a working day again).
     *
     * @param kind   libur, cuti-bersama, or kerja (a working day after all)
     * @param origin {@code file} (the built-in file of the year) or {@code correction}
     */
    public record CalendarDay(LocalDate date, String kind, String name, String source, String origin) {
    }

    /** A correction of one day. */
    public record Correction(
            @Schema(examples = "cuti-bersama") @NotNull(message = "{calendar.kind}")
            @Pattern(regexp = "libur|cuti-bersama|kerja", message = "{calendar.kind}") String kind,
            @Schema(examples = "Cuti bersama Idul Adha") @NotBlank(message = "{calendar.name}")
            @Size(max = 200, message = "{calendar.name}") String name,
            @Schema(examples = "SKB 3 Menteri No. 1, 2, 3 Tahun 2026, perubahan") @NotBlank(message = "{calendar.source}")
            @Size(max = 300, message = "{calendar.source}") String source) {
    }

    @Inject
    Calendars calendars;

    @Inject
    CalendarAdmin admin;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    @GET
    @Operation(summary = "Hari libur setahun / the days off of a year, with their sources")
    public Uni<List<CalendarDay>> year(@QueryParam("year") String year) {
        int thisYear = Wib.now(clock).getYear();
        int asked;
        try {
            asked = year == null || year.isBlank() ? thisYear : Integer.parseInt(year);
        } catch (NumberFormatException e) {
            asked = -1;
        }
        if (Math.abs(asked - thisYear) > 1) {
            throw new ProblemException(400, "calendar-year", String.valueOf(thisYear - 1),
                    String.valueOf(thisYear + 1));
        }
        int wanted = asked;
        return calendars.refresh().map(changed -> calendars.days().stream()
                .filter(day -> day.date().getYear() == wanted)
                .map(day -> new CalendarDay(day.date(), day.kind(), day.name(), day.source(),
                        day.corrected() ? "correction" : "file"))
                .toList());
    }

    @PUT
    @Path("{date}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Koreksi satu hari / make a day a holiday, cuti bersama, or a working day again",
            description = "Replaces the built-in file's line for that day. Open deadlines around it are re-computed.")
    public Uni<CalendarDay> correct(@PathParam("date") String date, @NotNull @Valid Correction body) {
        LocalDate day = day(date);
        return admin.correct(day, body.kind(), body.name().strip(), body.source().strip(),
                        Caller.of(identity).username())
                .chain(() -> calendars.refresh())
                .map(changed -> new CalendarDay(day, body.kind(), body.name().strip(), body.source().strip(),
                        "correction"));
    }

    @DELETE
    @Path("{date}")
    @Operation(summary = "Hapus koreksi / drop a day's correction, back to the built-in file")
    @APIResponse(responseCode = "204", description = "Dropped")
    @APIResponse(responseCode = "404", description = "No correction for that day",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Void> remove(@PathParam("date") String date) {
        LocalDate day = day(date);
        return admin.remove(day).chain(removed -> {
            if (!removed) {
                throw new ProblemException(404, "not-found");
            }
            return calendars.refresh().replaceWithVoid();
        });
    }

    /** A day of the years the calendar covers (last, this and next). */
    private LocalDate day(String date) {
        int thisYear = Wib.now(clock).getYear();
        LocalDate day = RankingDates.isoDay(date);
        if (day == null || Math.abs(day.getYear() - thisYear) > 1) {
            throw new ProblemException(400, "calendar-date", String.valueOf(thisYear - 1),
                    String.valueOf(thisYear + 1));
        }
        return day;
    }
}
