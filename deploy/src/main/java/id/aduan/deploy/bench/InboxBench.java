package id.aduan.deploy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.aduan.deploy.Service;
import id.aduan.deploy.StackSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
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
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * {@code ./aduan bench inbox}: the inbox's queries at size. Puts N complaints (1,000,000 by default) straight into the
 * running stack's inbox table, spread over 20 OPDs (BENCH-01 to BENCH-20), then times each list filter, sort and
 * deep page, and the detail view, over HTTP with a real Keycloak token of staf.bench (OPD BENCH-01) or the governor.
 * The benchmark rows are deleted afterwards unless ADUAN_BENCH_KEEP=true.
 */
final class InboxBench {

    private static final int OPDS = 20;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private InboxBench() {
    }

    static int run(StackSettings settings, JsonNode stack, Map<String, String> env, PrintStream out)
            throws Exception {
        int count = Integer.parseInt(env.getOrDefault("ADUAN_BENCH_COMPLAINTS", "1000000"));
        int requests = Integer.parseInt(env.getOrDefault("ADUAN_BENCH_REQUESTS", "500"));
        boolean keep = "true".equals(env.get("ADUAN_BENCH_KEEP"));
        String jdbc = stack.path("jdbcUrl").asText();
        String inbox = stack.path("services").path(Service.INBOX.module()).asText();
        String issuer = stack.path("oidcIssuer").asText();
        Properties secrets = new Properties();
        try (InputStream in = Files.newInputStream(settings.home().resolve("keycloak/secrets.properties"))) {
            secrets.load(in);
        }
        try (Connection db = DriverManager.getConnection(jdbc, settings.dbUser(), settings.dbPassword())) {
            long t0 = System.nanoTime();
            out.printf("Putting %,d complaints into the inbox (%d OPDs) ...%n", count, OPDS);
            seed(db, count);
            out.printf("  done in %.0f s; vacuuming and analysing ...%n", (System.nanoTime() - t0) / 1e9);
            try (Statement s = db.createStatement()) {
                s.execute("vacuum analyze inbox.complaint"); // steady state: no autovacuum while measuring
            }
            String staff = token(issuer, "staf.bench", secrets.getProperty("staf.bench"));
            String governor = token(issuer, "gubernur", secrets.getProperty("gubernur"));
            List<String> ids = sampleIds(db, requests);
            String word = "jembatan";

            Map<String, Supplier<String>> cases = new LinkedHashMap<>();
            cases.put("list, newest first (first page of 50)", () -> "/api/v1/inbox/complaints");
            cases.put("list, status filter", () -> "/api/v1/inbox/complaints?status=ACKNOWLEDGED");
            cases.put("list, category and region", () -> "/api/v1/inbox/complaints?category=school&region=1708");
            cases.put("list, overdue by deadline", () -> "/api/v1/inbox/complaints?overdue=true&sort=deadline");
            cases.put("list, oldest first", () -> "/api/v1/inbox/complaints?sort=oldest");
            cases.put("list, date range (one month)",
                    () -> "/api/v1/inbox/complaints?from=" + LocalDate.now().minusDays(90) + "&to="
                            + LocalDate.now().minusDays(60));
            cases.put("list, free text", () -> "/api/v1/inbox/complaints?q=" + word);
            String deep = deepCursor(inbox, staff, 20);
            cases.put("list, page 21 (keyset)", () -> "/api/v1/inbox/complaints?cursor=" + deep);
            int[] next = {0};
            cases.put("detail", () -> "/api/v1/inbox/complaints/" + ids.get(next[0]++ % ids.size()));

            StringBuilder table = new StringBuilder("| query | p50 | p99 | max |\n|---|---|---|---|\n");
            for (Map.Entry<String, Supplier<String>> c : cases.entrySet()) {
                double[] result = measure(inbox, staff, c.getValue(), requests);
                table.append(String.format("| %s | %.1f ms | %.1f ms | %.1f ms |%n", c.getKey(), result[0],
                        result[1], result[2]));
                out.printf("  %-40s p50 %6.1f ms  p99 %6.1f ms%n", c.getKey(), result[0], result[1]);
            }
            double[] all = measure(inbox, governor, () -> "/api/v1/inbox/complaints", requests);
            table.append(String.format("| governor, every OPD, newest first | %.1f ms | %.1f ms | %.1f ms |%n",
                    all[0], all[1], all[2]));
            out.printf("  %-40s p50 %6.1f ms  p99 %6.1f ms%n", "governor, every OPD", all[0], all[1]);

            String report = report(count, requests, table.toString());
            if (!"false".equals(env.getOrDefault("ADUAN_BENCH_RECORD", "true"))) {
                Path file = settings.repo().resolve("docs/benchmarks.md");
                Files.writeString(file, "\n" + report, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                out.println("Recorded in " + file);
            }
            if (!keep) {
                out.println("Removing the benchmark complaints ...");
                try (Statement s = db.createStatement()) {
                    s.execute("delete from inbox.complaint where opd_code like 'BENCH-%'");
                }
            }
        }
        return 0;
    }

    /** N complaints in one statement: statuses, categories, regions, ages, deadlines and words vary. */
    private static void seed(Connection db, int count) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("delete from inbox.complaint where opd_code like 'BENCH-%'");
            s.execute("""
                    insert into inbox.complaint (id, tracking_number, category, region_code, description, address,
                        channel, submitted_at, opd_code, opd_name, rule_id, rule_version, explanation, hop, status,
                        routed_at, updated_at, deadline, sla_state)
                    select gen_random_uuid(),
                        'ADU-B' || lpad(to_hex(n), 15, '0'),
                        (array['road','school','health','other'])[1 + (n / 20) % 4],
                        (array['1701','1702','1703','1704','1705','1706','1707','1708','1709','1771'])[1 + (n / 80) % 10],
                        (array['Jalan berlubang parah','Guru jarang masuk kelas','Kartu BPJS ditolak puskesmas',
                               'Jembatan gantung rusak','Lampu jalan mati','Atap sekolah bocor',
                               'Antrian rumah sakit panjang','Drainase tersumbat'])[1 + (n / 7) % 8]
                            || ' nomor ' || n,
                        'Kecamatan ' || (n % 97),
                        'api',
                        now() - make_interval(mins => n % 525600),
                        'BENCH-' || lpad((1 + n % 20)::text, 2, '0'),
                        'Dinas Benchmark', 'bench', '1', 'benchmark', 1,
                        (array['ROUTED','ACKNOWLEDGED','RESPONDED','WAITING_FOR_CITIZEN','RESOLVED','CLOSED',
                               'ROUTED','ACKNOWLEDGED'])[1 + (n / 3) % 8],
                        now() - make_interval(mins => n % 525600) + interval '1 minute',
                        now(),
                        now() - make_interval(mins => n % 525600) + interval '5 days',
                        (array['RUNNING','RUNNING','PAUSED','STOPPED'])[1 + (n / 5) % 4]
                    from generate_series(1, COUNT) as n
                    """.replace("COUNT", Integer.toString(count)));
        }
    }

    private static List<String> sampleIds(Connection db, int n) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Statement s = db.createStatement();
                ResultSet rows = s.executeQuery("select id from inbox.complaint where opd_code = 'BENCH-01'"
                        + " order by random() limit " + n)) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private static String deepCursor(String inbox, String token, int pages) throws Exception {
        String cursor = null;
        for (int i = 0; i < pages; i++) {
            JsonNode page = JSON.readTree(get(inbox, token, "/api/v1/inbox/complaints"
                    + (cursor == null ? "" : "?cursor=" + cursor)).body());
            cursor = page.path("nextCursor").asText();
        }
        return cursor;
    }

    /** p50, p99 and max in ms of sequential requests, after 50 unmeasured ones. */
    private static double[] measure(String inbox, String token, Supplier<String> path, int requests)
            throws Exception {
        for (int i = 0; i < 50; i++) {
            check(get(inbox, token, path.get()));
        }
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            long t0 = System.nanoTime();
            check(get(inbox, token, path.get()));
            nanos.add(System.nanoTime() - t0);
        }
        List<Long> ms = nanos.stream().map(n -> n / 1000).toList();
        return new double[] {Bench.percentile(ms, 50) / 1000.0, Bench.percentile(ms, 99) / 1000.0,
            Bench.percentile(ms, 100) / 1000.0};
    }

    private static void check(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
    }

    private static HttpResponse<String> get(String inbox, String token, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(inbox + path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static String token(String issuer, String user, String password) throws IOException,
            InterruptedException {
        String form = "grant_type=password&client_id=aduan-web&username=" + user + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        if (!body.hasNonNull("access_token")) {
            throw new IllegalStateException("Login of " + user + " failed: " + response.body());
        }
        return body.get("access_token").asText();
    }

    private static String report(int count, int requests, String table) {
        String when = ZonedDateTime.now(ZoneId.of("Asia/Jakarta"))
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"));
        return """
                ### ./aduan bench inbox, %s
                Machine: %s. %,d complaints in the inbox over 20 OPDs (%,d in the caller's); %d sequential requests
                per query after 50 unmeasured, over HTTP with a Keycloak token (staf.bench), timed at the client.
                Targets: list and filter p99 <= 20 ms, detail p99 <= 10 ms.

                %s""".formatted(when, Bench.machine(), count, count / 20, requests, table);
    }
}
