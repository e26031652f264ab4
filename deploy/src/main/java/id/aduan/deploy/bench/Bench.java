package id.aduan.deploy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.aduan.deploy.Leftovers;
import id.aduan.deploy.Service;
import id.aduan.deploy.Stack;
import id.aduan.deploy.StackSettings;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./aduan bench}: drives a fixed number of complaints through the running stack at a constant rate (an open
 * model: a slow answer does not slow the offered load), then reports the accepted rate and the latency from
 * submission until each complaint is stored in its OPD's inbox, and appends the result to docs/benchmarks.md.
 */
public final class Bench {

    private static final Pattern TRACKING = Pattern.compile("\"trackingNumber\"\\s*:\\s*\"([A-Z0-9-]+)\"");
    private static final String[] CATEGORIES = {"road", "school", "health", "other"};
    private static final String[] REGIONS = {"1701", "1702", "1703", "1704", "1705", "1706", "1707", "1708",
        "1709", "1771"};

    /** The measured result of one run. */
    public record Result(int offered, double rate, int accepted, int refused, int failed, double acceptedPerSecond,
            double acceptP50Ms, double acceptP99Ms, double refuseP50Ms, double refuseP99Ms, int visible,
            double visibleP50Ms, double visibleP99Ms, double visibleMaxMs) {
    }

    private Bench() {
    }

    public static int run(StackSettings settings, Map<String, String> env, PrintStream out, String... args)
            throws Exception {
        Path state = Stack.stateFile(settings);
        if (Leftovers.runningLauncher(settings).isEmpty() || !Files.exists(state)) {
            out.println("Aduan is not running: start it first with ./aduan up -d");
            return 1;
        }
        JsonNode doc = new ObjectMapper().readTree(state.toFile());
        if (!"READY".equals(doc.path("state").asText())) {
            out.println("Aduan is " + doc.path("state").asText() + ", not ready yet.");
            return 1;
        }
        if (args.length > 0 && "inbox".equals(args[0])) {
            return InboxBench.run(settings, doc, env, out);
        }
        if (args.length > 0 && "sla".equals(args[0])) {
            return SlaBench.run(settings, doc, env, out);
        }
        if (args.length > 0 && "routing".equals(args[0])) {
            return RoutingBench.run(settings, doc, env, out);
        }
        int count = Integer.parseInt(env.getOrDefault("ADUAN_BENCH_COMPLAINTS", "2000"));
        double rate = Double.parseDouble(env.getOrDefault("ADUAN_BENCH_RATE", "100"));
        Duration timeout = Duration.ofSeconds(Long.parseLong(env.getOrDefault("ADUAN_BENCH_TIMEOUT", "120")));
        int warmup = Integer.parseInt(env.getOrDefault("ADUAN_BENCH_WARMUP", "500"));
        String intake = doc.path("services").path(Service.INTAKE.module()).asText();
        if (warmup > 0) {
            // JIT compilation and connection pools first; the measured run starts with the pipeline drained.
            out.printf("Warming up: %d complaints at %.0f/s (not measured) ...%n", warmup, rate);
            measure(intake, doc.path("jdbcUrl").asText(), settings.dbUser(), settings.dbPassword(), warmup, rate,
                    timeout, out);
        }
        out.printf("Submitting %d complaints at %.0f/s to %s ...%n", count, rate, intake);

        Result result = measure(intake, doc.path("jdbcUrl").asText(), settings.dbUser(), settings.dbPassword(), count,
                rate, timeout, out);
        String report = report(result, warmup);
        out.println(report);
        if (!"false".equals(env.getOrDefault("ADUAN_BENCH_RECORD", "true"))) {
            Path file = settings.repo().resolve("docs/benchmarks.md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "\n" + report, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            out.println("Recorded in " + file);
        }
        return result.visible() == result.accepted() ? 0 : 1;
    }

    public static Result measure(String intakeUrl, String jdbcUrl, String dbUser, String dbPassword, int count,
            double rate, Duration timeout, PrintStream out) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4)).build();
        Map<String, Instant> submittedAt = new ConcurrentHashMap<>();
        List<Long> acceptNanos = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Long> refuseNanos = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch answered = new CountDownLatch(count);
        long periodNanos = (long) (1_000_000_000L / rate);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        Instant start = Instant.now();
        long[] lastAnswer = {System.nanoTime()};
        long startNanos = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int n = i;
            ticker.schedule(() -> {
                Instant sent = Instant.now();
                long t0 = System.nanoTime();
                http.sendAsync(request(intakeUrl, n), HttpResponse.BodyHandlers.ofString())
                        .whenComplete((response, error) -> {
                            long t1 = System.nanoTime();
                            synchronized (lastAnswer) {
                                lastAnswer[0] = Math.max(lastAnswer[0], t1);
                            }
                            if (error != null) {
                                failed.incrementAndGet();
                            } else if (response.statusCode() == 202) {
                                Matcher m = TRACKING.matcher(response.body());
                                if (m.find()) {
                                    submittedAt.put(m.group(1), sent);
                                    acceptNanos.add(t1 - t0);
                                } else {
                                    failed.incrementAndGet();
                                }
                            } else {
                                refused.incrementAndGet();
                                refuseNanos.add(t1 - t0);
                            }
                            answered.countDown();
                        });
            }, n * periodNanos, TimeUnit.NANOSECONDS);
        }
        answered.await(timeout.toSeconds() + (long) (count / rate), TimeUnit.SECONDS);
        ticker.shutdownNow();
        double seconds = (lastAnswer[0] - startNanos) / 1e9;
        out.printf("  %d accepted, %d refused, %d failed in %.1f s; waiting for the inbox ...%n",
                submittedAt.size(), refused.get(), failed.get(), seconds);

        Map<String, Instant> storedAt = awaitInbox(jdbcUrl, dbUser, dbPassword, submittedAt.keySet(), timeout);
        List<Long> visibleMillis = new ArrayList<>();
        storedAt.forEach((tracking, at) -> visibleMillis.add(Duration.between(submittedAt.get(tracking), at)
                .toMillis()));
        List<Long> acceptMillis = acceptNanos.stream().map(n -> n / 1_000_000).toList();
        List<Long> refuseMillis = refuseNanos.stream().map(n -> n / 1_000_000).toList();
        http.executor().ifPresent(e -> ((java.util.concurrent.ExecutorService) e).shutdownNow());
        return new Result(count, rate, submittedAt.size(), refused.get(), failed.get(),
                submittedAt.size() / Math.max(seconds, 0.001), percentile(acceptMillis, 50),
                percentile(acceptMillis, 99), percentile(refuseMillis, 50), percentile(refuseMillis, 99),
                storedAt.size(), percentile(visibleMillis, 50),
                percentile(visibleMillis, 99), percentile(visibleMillis, 100));
    }

    private static HttpRequest request(String intakeUrl, int n) {
        String body = """
                {"category":"%s","region":"%s","description":"Pengaduan uji beban nomor %d: jalan rusak dan \
                berlubang, mohon segera ditangani.","reporter":{"phone":"0812%08d"}}"""
                .formatted(CATEGORIES[n % CATEGORIES.length], REGIONS[n % REGIONS.length], n, n);
        return HttpRequest.newBuilder(URI.create(intakeUrl + "/api/v1/complaints"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                // Many citizens, not one: each complaint comes from its own address, as the ingress would forward
                // it, so that intake's per-address rate limit does not turn the load test into a 429 test.
                .header("X-Forwarded-For", "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** When each complaint was stored in the inbox (its received_at), polling until all are there. */
    private static Map<String, Instant> awaitInbox(String jdbcUrl, String user, String password,
            java.util.Set<String> trackingNumbers, Duration timeout) throws SQLException, InterruptedException {
        Map<String, Instant> stored = new HashMap<>();
        Instant deadline = Instant.now().plus(timeout);
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                PreparedStatement query = c.prepareStatement(
                        "select tracking_number, received_at from inbox.complaint where tracking_number = any (?)")) {
            while (stored.size() < trackingNumbers.size() && Instant.now().isBefore(deadline)) {
                List<String> missing = trackingNumbers.stream().filter(t -> !stored.containsKey(t)).toList();
                Array array = c.createArrayOf("varchar", missing.toArray());
                query.setArray(1, array);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        stored.put(rows.getString(1), rows.getTimestamp(2).toInstant());
                    }
                }
                if (stored.size() < trackingNumbers.size()) {
                    Thread.sleep(500);
                }
            }
        }
        return stored;
    }

    static double percentile(List<Long> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    /** Cores, memory, OS and Java of this machine, for a benchmark's record. */
    static String machine() {
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() / (1024 * 1024 * 1024);
        return Runtime.getRuntime().availableProcessors() + " cores, " + memory + " GiB, "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", Java "
                + System.getProperty("java.version");
    }

    static String report(Result r, int warmup) {
        String when = ZonedDateTime.now(ZoneId.of("Asia/Jakarta"))
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"));
        String machine = machine();
        return """
                ### ./aduan bench, %s
                Machine: %s. Load: %d complaints offered at %.0f/s (open model), after a warm-up of %d; the
                load generator runs on the same machine as the whole stack.

                | measure | value |
                |---|---|
                | accepted (202) | %d (refused %d, failed %d) |
                | accepted per second | %.1f |
                | submit answer (202) p50 / p99 | %.0f ms / %.0f ms |
                | refusal (503, 429) p50 / p99 | %s |
                | stored in the inbox | %d of %d |
                | submission to inbox p50 / p99 / max | %.0f ms / %.0f ms / %.0f ms |
                """.formatted(when, machine, r.offered(), r.rate(), warmup, r.accepted(), r.refused(), r.failed(),
                r.acceptedPerSecond(), r.acceptP50Ms(), r.acceptP99Ms(),
                r.refused() == 0 ? "none" : "%.0f ms / %.0f ms".formatted(r.refuseP50Ms(), r.refuseP99Ms()),
                r.visible(), r.accepted(), r.visibleP50Ms(),
                r.visibleP99Ms(), r.visibleMaxMs());
    }
}
