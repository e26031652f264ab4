package id.aduan.deploy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import id.aduan.deploy.Service;
import id.aduan.deploy.StackSettings;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code ./aduan bench sla}: the SLA monitor at size. Puts N open clocks (1,000,000 by default) and 30% as many
 * resolved ones, over 60 OPDs (BENCH-01 to BENCH-60) and the last 60 days, straight into the running stack's sla
 * schema, each open clock with its seven thresholds (those already past marked announced). Then:
 * <ul>
 * <li>the ranking: {@code POST /api/v1/rankings/daily/{day}} (both periods computed from every clock, stored and put
 * in the outbox), timed at the client, 5 times;</li>
 * <li>the sweep: makes 10,000 and then 100,000 thresholds due at once and times, from the database, how long the
 * running sla-monitor takes from announcing the first to having announced them all (each one an event acknowledged
 * by Kafka).</li>
 * </ul>
 * The benchmark rows are deleted afterwards (and the day re-ranked) unless ADUAN_BENCH_KEEP=true.
 */
final class SlaBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String DUE =
            "select count(*) from sla.sla_mark where announced_at is null and due_at <= now()";

    private SlaBench() {
    }

    static int run(StackSettings settings, JsonNode stack, Map<String, String> env, PrintStream out)
            throws Exception {
        int open = Integer.parseInt(env.getOrDefault("ADUAN_BENCH_CLOCKS", "1000000"));
        boolean keep = "true".equals(env.get("ADUAN_BENCH_KEEP"));
        String jdbc = stack.path("jdbcUrl").asText();
        String sla = stack.path("services").path(Service.SLA.module()).asText();
        Properties secrets = new Properties();
        try (InputStream in = Files.newInputStream(settings.home().resolve("keycloak/secrets.properties"))) {
            secrets.load(in);
        }
        String governor = InboxBench.token(stack.path("oidcIssuer").asText(), "gubernur",
                secrets.getProperty("gubernur"));
        LocalDate day = previousWeekday(LocalDate.now(ZoneId.of("Asia/Jakarta")));
        StringBuilder table = new StringBuilder("| case | result |\n|---|---|\n");
        try (Connection db = DriverManager.getConnection(jdbc, settings.dbUser(), settings.dbPassword())) {
            long t0 = System.nanoTime();
            out.printf("Putting %,d open and %,d resolved clocks, with the open ones' thresholds, into sla ...%n",
                    open, open * 3 / 10);
            seed(db, open);
            out.printf("  done in %.0f s; vacuuming and analysing ...%n", (System.nanoTime() - t0) / 1e9);
            try (Statement s = db.createStatement()) {
                s.execute("vacuum analyze sla.sla_clock");
                s.execute("vacuum analyze sla.sla_mark");
            }
            long clocks = count(db, "select count(*) from sla.sla_clock");
            long marks = count(db, "select count(*) from sla.sla_mark where announced_at is null");

            List<Double> rankings = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                                URI.create(sla + "/api/v1/rankings/daily/" + day))
                        .header("Authorization", "Bearer " + governor).timeout(Duration.ofMinutes(2))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
                }
                rankings.add((System.nanoTime() - start) / 1e9);
                out.printf("  ranking of %s (day and 30 days): %.2f s%n", day, rankings.get(i));
            }
            table.append(String.format("| ranking of one day and of its 30 days, over %,d clocks (5 runs) | %s s |%n",
                    clocks, String.join(", ", rankings.stream().map(r -> String.format("%.2f", r)).toList())));

            for (int due : List.of(10_000, 100_000)) {
                double seconds = sweep(db, due, out);
                table.append(String.format("| sweep: %,d thresholds due among %,d open clocks (%,d planned) | %.2f s"
                        + " (%,.0f/s) |%n", due, open, marks, seconds, due / seconds));
            }
        } finally {
            if (!keep) {
                out.println("Removing the benchmark clocks ...");
                try (Connection db = DriverManager.getConnection(jdbc, settings.dbUser(), settings.dbPassword());
                        Statement s = db.createStatement()) {
                    s.execute("delete from sla.sla_mark m using sla.sla_clock c where c.complaint_id = m.complaint_id"
                            + " and c.opd_code like 'BENCH-%'");
                    s.execute("delete from sla.sla_clock where opd_code like 'BENCH-%'");
                }
                HTTP.send(HttpRequest.newBuilder(URI.create(sla + "/api/v1/rankings/daily/" + day))
                        .header("Authorization", "Bearer " + governor).timeout(Duration.ofMinutes(2))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            }
        }
        String report = report(open, table.toString());
        out.println(report);
        if (!"false".equals(env.getOrDefault("ADUAN_BENCH_RECORD", "true"))) {
            Path file = settings.repo().resolve("docs/benchmarks.md");
            Files.writeString(file, "\n" + report, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            out.println("Recorded in " + file);
        }
        return 0;
    }

    /**
     * Makes {@code due} planned thresholds due now, then polls the database every 20 ms: the time from the first
     * announced to the last.
     */
    private static double sweep(Connection db, int due, PrintStream out) throws Exception {
        try (Statement s = db.createStatement()) {
            s.executeUpdate("update sla.sla_mark set due_at = now() - interval '1 second'"
                    + " where (complaint_id, clock, mark) in (select complaint_id, clock, mark from sla.sla_mark"
                    + " where announced_at is null and due_at > now() limit " + due + ")");
        }
        long made = count(db, DUE);
        out.printf("  %,d thresholds due; waiting for the sweep ...%n", made);
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        long first = 0;
        long left = made;
        while (left > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            left = count(db, DUE);
            if (first == 0 && left < made) {
                first = System.nanoTime();
            }
        }
        if (left > 0) {
            throw new IllegalStateException(left + " thresholds still unannounced after 10 minutes");
        }
        double seconds = (System.nanoTime() - first) / 1e9;
        out.printf("  swept %,d in %.2f s%n", made, seconds);
        return seconds;
    }

    /** N open clocks and 0.3 N resolved ones over 60 days; the open ones get their seven thresholds. */
    private static void seed(Connection db, int open) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("delete from sla.sla_mark m using sla.sla_clock c where c.complaint_id = m.complaint_id"
                    + " and c.opd_code like 'BENCH-%'");
            s.execute("delete from sla.sla_clock where opd_code like 'BENCH-%'");
            s.execute("""
                    insert into sla.sla_clock (complaint_id, tracking_number, opd_code, opd_name, category,
                        region_code, started_at, opd_since, deadline, status, status_at, stopped_at,
                        first_response_deadline, first_response_at, first_response_minutes, resolution_minutes,
                        rating, rated_at)
                    select gen_random_uuid(), 'ADU-S' || lpad(to_hex(n), 15, '0'),
                        'BENCH-' || lpad((1 + n % 60)::text, 2, '0'), 'Dinas Benchmark ' || (1 + n % 60),
                        'health', '1771', t, t, t + interval '7 days',
                        case when resolved then 'RESOLVED' else 'ACKNOWLEDGED' end, t,
                        case when resolved then t + make_interval(hours => 2 + n % 200) end,
                        t + interval '3 days',
                        case when n % 5 <> 0 or resolved then t + make_interval(mins => n % 3000) end,
                        case when n % 5 <> 0 or resolved then (n % 3000) / 3 end,
                        2250,
                        case when resolved and n % 3 = 0 then 1 + n % 5 end,
                        case when resolved and n % 3 = 0 then t + make_interval(hours => 3 + n % 200) end
                    from (select n, n > OPEN as resolved,
                            now() - make_interval(mins => ((n::bigint * 7919) % 86400)::int) as t
                          from generate_series(1, OPEN * 13 / 10) as n) as g
                    """.replace("OPEN", Integer.toString(open)));
            s.execute("""
                    insert into sla.sla_mark (complaint_id, clock, mark, due_at, deadline, announced_at)
                    select c.complaint_id, m.clock, m.mark, m.due_at, m.deadline,
                        case when m.due_at <= now() then now() end
                    from sla.sla_clock c cross join lateral (values
                        ('FIRST_RESPONSE', 'WARNING_50', c.started_at + interval '36 hours', c.first_response_deadline),
                        ('FIRST_RESPONSE', 'WARNING_75', c.started_at + interval '54 hours', c.first_response_deadline),
                        ('FIRST_RESPONSE', 'BREACH', c.first_response_deadline, c.first_response_deadline),
                        ('RESOLUTION', 'WARNING_50', c.started_at + interval '84 hours', c.deadline),
                        ('RESOLUTION', 'WARNING_75', c.started_at + interval '126 hours', c.deadline),
                        ('RESOLUTION', 'BREACH', c.deadline, c.deadline),
                        ('RESOLUTION', 'ESCALATION', c.deadline + interval '2 days', c.deadline))
                        as m(clock, mark, due_at, deadline)
                    where c.opd_code like 'BENCH-%' and c.stopped_at is null
                      and (m.clock = 'RESOLUTION' or c.first_response_at is null)
                    """);
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static LocalDate previousWeekday(LocalDate today) {
        LocalDate day = today.minusDays(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.minusDays(1);
        }
        return day;
    }

    private static String report(int open, String table) {
        String when = ZonedDateTime.now(ZoneId.of("Asia/Jakarta"))
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"));
        return """
                ### ./aduan bench sla, %s
                Machine: %s. %,d open clocks and %,d resolved ones over 60 OPDs and 60 days, in the running stack's
                sla schema. Ranking: POST /api/v1/rankings/daily/{day} as the governor (both periods from every clock,
                stored, put in the outbox), timed at the client. Sweep: thresholds made due at once, timed from the
                database from the first announced to the last (each published and acknowledged by Kafka). Targets: the
                ranking at most 5 s; a sweep over 1,000,000 open clocks at most 5 s.

                %s""".formatted(when, Bench.machine(), open, open * 3 / 10, table);
    }
}
