package id.aduan.sla.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import id.aduan.events.Wib;
import id.aduan.sla.config.RankingConfig;
import id.aduan.sla.domain.Ranking;
import id.aduan.sla.domain.RankingRow;
import id.aduan.sla.domain.Rankings;
import id.aduan.support.problem.Problem;
import id.aduan.support.problem.ProblemException;
import id.aduan.support.security.Caller;
import id.aduan.support.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/rankings")
@Tag(name = "Peringkat OPD / OPD ranking", description = "The governor's daily ranking of OPDs by responsiveness. "
        + "The governor sees every OPD; an OPD head sees their own row.")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not the governor or an OPD head",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "400", description = "Invalid date, format or OPD",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class RankingResource {

    public static final String CSV = "text/csv";
    /** Columns in the rows' own order (period, then the event row's figures), not CsvMapper's alphabetical one. */
    private static final CsvMapper CSV_MAPPER = CsvMapper.builder()
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).build();
    private static final CsvSchema CSV_SCHEMA = CSV_MAPPER.schemaFor(RankingRow.class).withHeader();

    @Inject
    Rankings rankings;

    @Inject
    RankingConfig config;

    @Inject
    SecurityIdentity identity;

    @Inject
    RankingDates dates;

    @GET
    @Path("/daily")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Roles.GOVERNOR, Roles.OPD_HEAD})
    @Operation(summary = "Peringkat harian / the daily ranking of a working day and its 30 days",
            description = "date: the day ranked (YYYY-MM-DD, before today); by default the previous working day. "
                    + "format=csv (or Accept: text/csv) gives CSV. opd (the governor only) keeps one OPD's rows.")
    public Uni<Response> daily(@QueryParam("date") String date, @QueryParam("format") String format,
            @QueryParam("opd") String opd, @Context HttpHeaders headers) {
        boolean csv = csv(format, headers);
        LocalDate day = dates.parse(date);
        Predicate<RankingRow> visible = visibleRows(opd);
        return rankings.of(day).map(r -> {
            if (opd != null && Stream.concat(r.lastDay().stream(), r.last30Days().stream()).noneMatch(visible)) {
                throw new ProblemException(400, "unknown-opd", opd);
            }
            RankingView view = view(r, visible);
            return csv ? Response.ok(csv(view), CSV + ";charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"peringkat-" + day + ".csv\"").build()
                    : Response.ok(view, MediaType.APPLICATION_JSON).build();
        });
    }

    @POST
    @Path("/daily/{date}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.GOVERNOR, Roles.ADMIN})
    @Operation(summary = "Hitung ulang / recompute a past day's ranking",
            description = "Replaces the day's ranking in the history with one computed now, and publishes it.")
    public Uni<RankingView> recompute(@PathParam("date") String date) {
        if (date == null || date.isBlank()) {
            throw new ProblemException(400, "ranking-date", config.maxDaysBack());
        }
        return rankings.recompute(dates.parse(date)).map(r -> view(r, row -> true));
    }

    /** The governor sees every row (or one OPD's); an OPD head only their own, whatever they ask. */
    private Predicate<RankingRow> visibleRows(String opd) {
        if (identity.hasRole(Roles.GOVERNOR)) {
            return opd == null ? row -> true : row -> row.figures().opdCode().equals(opd);
        }
        String own = Caller.of(identity).opdForActions();
        return row -> row.figures().opdCode().equals(own);
    }

    RankingView view(Ranking r, Predicate<RankingRow> visible) {
        return new RankingView(r.day(), Wib.of(r.computedAt()), r.stored(), Rankings.FORMULA, config.minimumLastDay(),
                config.minimumLast30Days(), r.lastDay().stream().filter(visible).toList(),
                r.last30Days().stream().filter(visible).toList());
    }

    private static boolean csv(String format, HttpHeaders headers) {
        if (format != null) {
            return switch (format) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw new ProblemException(400, "ranking-format");
            };
        }
        List<MediaType> accepted = headers.getAcceptableMediaTypes();
        return !accepted.isEmpty() && accepted.get(0).isCompatible(MediaType.valueOf(CSV))
                && !accepted.get(0).isWildcardType();
    }

    static String csv(RankingView view) {
        try {
            return CSV_MAPPER.writer(CSV_SCHEMA).writeValueAsString(Stream.concat(view.lastDay().stream(),
                    view.last30Days().stream()).toList());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
