package id.aduan.sla.rest;

import id.aduan.events.DailyRanking;
import id.aduan.events.EventEnvelope;
import id.aduan.events.Wib;
import id.aduan.sla.config.RankingConfig;
import id.aduan.sla.domain.RankingRow;
import id.aduan.sla.domain.Rankings;
import id.aduan.sla.domain.SlaQueries;
import id.aduan.sla.persistence.RankingStore;
import id.aduan.support.problem.ProblemException;
import id.aduan.support.security.Caller;
import id.aduan.support.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The governor's dashboard, in Bahasa Indonesia, rendered on the server (no script: it loads fast on a phone): the
 * ranking table, a bar chart of the scores in ranking order, each OPD's 30-day trend, and a drill-down to its overdue
 * complaints. The governor sees every OPD; an OPD head only their own.
 */
@Path("/rankings")
@RolesAllowed({Roles.GOVERNOR, Roles.OPD_HEAD})
public class DashboardResource {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.forLanguageTag("id"));
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'WIB'",
            Locale.forLanguageTag("id"));
    private static final int TREND_DAYS = 30;

    @CheckedTemplate(basePath = "dashboard")
    static class Templates {
        static native TemplateInstance ranking(Dashboard page);

        static native TemplateInstance overdue(OverduePage page);
    }

    /** The ranking page. */
    public record Dashboard(String day, String dayText, String computedAt, boolean stored, boolean lastDay,
            String previousDay, String nextDay, List<Line> ranked, List<Line> apart, List<Bar> bars, int chartHeight,
            int minimum) {
    }

    /** One row of the table, with its trend line. */
    public record Line(DailyRanking.Row row, String trendPoints, int trendDays) {
    }

    /**
     * One bar of the chart at {@code y}: the OPD's score drawn 3.6 px a point from x = 190 (the chart is 600 wide),
     * its value written after it; {@code color} green from 75, amber from 50, else red.
     */
    public record Bar(int rank, String opdCode, String opdName, BigDecimal score, int width, int labelX, int y,
            String color) {

        static Bar of(DailyRanking.Row row, int index) {
            int width = (int) Math.max(2, Math.round(row.score().doubleValue() * 3.6));
            double score = row.score().doubleValue();
            return new Bar(row.rank(), row.opdCode(), row.opdName(), row.score(), width, 195 + width, index * 30,
                    score >= 75 ? "#1e7b34" : score >= 50 ? "#c88a00" : "#b00020");
        }
    }

    /** A drill-down: an OPD's open complaints past their deadline. */
    public record OverduePage(String opdCode, String now, List<OverdueLine> complaints) {
    }

    public record OverdueLine(String trackingNumber, String status, String deadline, long overdueHours,
            boolean liaison) {
    }

    @Inject
    Rankings rankings;

    /**
     * A person without a session is sent to log in (the web tenant's challenge: a redirect to Keycloak) instead of
     * getting the API's 401 problem. With a bearer tenant, as in tests, the challenge is that 401.
     */
    @ServerExceptionMapper
    public Uni<Response> login(UnauthorizedException e, RoutingContext context) {
        HttpAuthenticator authenticator = context.get(HttpAuthenticator.class.getName());
        if (authenticator == null) {
            return Uni.createFrom().item(Response.status(401).build());
        }
        return authenticator.getChallenge(context).map(challenge -> {
            Response.ResponseBuilder response = Response.status(challenge.status);
            challenge.getHeaders().forEach((name, value) -> response.header(name.toString(), value));
            return response.build();
        });
    }

    @Inject
    RankingDates dates;

    @Inject
    SlaQueries queries;

    @Inject
    RankingConfig config;

    @Inject
    RankingResource rankingApi;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Dasbor peringkat OPD / the ranking dashboard (HTML)")
    public Uni<TemplateInstance> ranking(@QueryParam("date") String date, @QueryParam("periode") String period) {
        LocalDate day = dates.parse(date);
        boolean lastDay = period == null || period.isBlank() || "hari".equals(period);
        if (!lastDay && !"30hari".equals(period)) {
            throw new ProblemException(400, "bad-request");
        }
        Predicate<RankingRow> visible = visible();
        LocalDate today = Wib.now(clock).toLocalDate();
        return rankings.of(day).chain(r -> rankings.trend(day.minusDays(TREND_DAYS - 1), day).map(trend -> {
            List<RankingRow> rows = (lastDay ? r.lastDay() : r.last30Days()).stream().filter(visible).toList();
            Map<String, List<RankingStore.Score>> byOpd = trend.stream()
                    .collect(Collectors.groupingBy(RankingStore.Score::opdCode));
            List<Line> ranked = new ArrayList<>();
            List<Line> apart = new ArrayList<>();
            for (RankingRow row : rows) {
                List<RankingStore.Score> scores = byOpd.getOrDefault(row.figures().opdCode(), List.of());
                Line line = new Line(row.figures(), points(scores, day), (int) scores.stream()
                        .filter(s -> s.score() != null).count());
                (row.ranked() ? ranked : apart).add(line);
            }
            List<Bar> bars = new ArrayList<>();
            for (int i = 0; i < ranked.size(); i++) {
                bars.add(Bar.of(ranked.get(i).row(), i));
            }
            return Templates.ranking(new Dashboard(day.toString(), DAY.format(day), TIME.format(r.computedAt()),
                    r.stored(), lastDay, rankings.previousWorkingDay(day).toString(),
                    next(day, today), ranked, apart, bars, Math.max(30, bars.size() * 30),
                    minimum(lastDay)));
        }));
    }

    /** The page's rows as CSV, for a person logged in to the page (the API wants a bearer token). */
    @GET
    @Path("/csv")
    @Produces(RankingResource.CSV)
    @Operation(summary = "Peringkat sebagai CSV / the ranking as CSV, for the dashboard's users")
    public Uni<Response> csv(@QueryParam("date") String date) {
        LocalDate day = dates.parse(date);
        Predicate<RankingRow> visible = visible();
        return rankings.of(day).map(r -> Response.ok(RankingResource.csv(rankingApi.view(r, visible)),
                        RankingResource.CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"peringkat-" + day + ".csv\"").build());
    }

    @GET
    @Path("/opd/{code}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Pengaduan lewat tenggat satu OPD / one OPD's overdue complaints (HTML)")
    public Uni<TemplateInstance> overdue(@PathParam("code") String code) {
        if (!code.matches("[A-Z0-9-]{2,40}") || !visibleOpd().test(code)) {
            throw new ProblemException(404, "not-found");
        }
        OffsetDateTime now = EventEnvelope.now(clock);
        return queries.overdue(code, 500).map(list -> Templates.overdue(new OverduePage(code, TIME.format(now),
                list.stream().map(c -> new OverdueLine(c.trackingNumber, c.status.name(), TIME.format(Wib.of(c.deadline)),
                        Duration.between(c.deadline, now).toHours(), !code.equals(c.opdCode))).toList())));
    }

    private int minimum(boolean lastDay) {
        return lastDay ? config.minimumLastDay() : config.minimumLast30Days();
    }

    private Predicate<RankingRow> visible() {
        Predicate<String> opd = visibleOpd();
        return row -> opd.test(row.figures().opdCode());
    }

    /** The governor sees every OPD; an OPD head only their own. */
    private Predicate<String> visibleOpd() {
        if (identity.hasRole(Roles.GOVERNOR)) {
            return code -> true;
        }
        String own = Caller.of(identity).opdForActions();
        return code -> code.equals(own);
    }

    /** The next working day's page, if that day is over. */
    private String next(LocalDate day, LocalDate today) {
        LocalDate next = rankings.nextWorkingDay(day);
        return next.isBefore(today) ? next.toString() : null;
    }

    /** The 30-day score of each day as a polyline in a 120 × 30 box: x by day, y by score (100 at the top). */
    static String points(List<RankingStore.Score> scores, LocalDate day) {
        StringBuilder points = new StringBuilder();
        for (RankingStore.Score s : scores) {
            if (s.score() == null) {
                continue;
            }
            long back = Duration.between(s.day().atStartOfDay(), day.atStartOfDay()).toDays();
            double x = (TREND_DAYS - 1 - back) * 120.0 / (TREND_DAYS - 1);
            double y = 30 - s.score().doubleValue() * 0.28 - 1;
            points.append(points.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
        }
        return points.toString();
    }
}
