package id.aduan.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.aduan.events.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The broker killed with {@code kill -9} for 8 s in the middle of a steady load, as issue 12 measured it: 20
 * complaints a second through the REST door from clients that retry every 503 (and 409) with the same
 * Idempotency-Key; one client in four sends none at first and retries with the key its first 503 hands out. Every complaint a client got a tracking number for reaches the inbox exactly once (0 lost, 0
 * doubled), and no complaint reaches it under a tracking number no client received (0 ghosts). Counted once the
 * stack is quiet: every consumer group at the end of its topics, every outbox sent.
 */
class BrokerKillIT {

    private static final int COMPLAINTS = 800;
    private static final long EVERY_MILLIS = 50; // 20 a second
    private static final int KILL_AFTER = 200; // 10 s into the load
    private static final Duration DOWN = Duration.ofSeconds(8);
    private static final Pattern TRACKING = Pattern.compile("\"trackingNumber\"\\s*:\\s*\"([A-Z0-9-]+)\"");
    private static final Pattern MARKER = Pattern.compile("matikan-broker-([0-9a-f]{8})-(\\d+)");
    private static final List<String> SERVICE_GROUPS = List.of("complaint-intake", "routing-service", "opd-inbox",
            "sla-monitor");

    private final Stack stack = TestStack.get();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private final Map<Integer, String> received = new ConcurrentHashMap<>();
    private final AtomicInteger answered503 = new AtomicInteger();
    private final AtomicInteger answered409 = new AtomicInteger();
    private final AtomicInteger noAnswer = new AtomicInteger();
    private final AtomicInteger acceptedAfterRefusal = new AtomicInteger();
    private final Map<Integer, String> unexpected = new ConcurrentHashMap<>();

    @Test
    void aBrokerCrashMidLoadLosesNothingDoublesNothingAndLeavesNoGhosts() throws Exception {
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(4);
        List<CompletableFuture<Void>> clients = new ArrayList<>();
        Instant start = Instant.now();
        CompletableFuture<Void> killed = new CompletableFuture<>();
        for (int i = 0; i < COMPLAINTS; i++) {
            int n = i;
            CompletableFuture<Void> client = new CompletableFuture<>();
            clients.add(client);
            clock.schedule(() -> {
                if (n == KILL_AFTER) {
                    CompletableFuture.runAsync(this::crashBroker).whenComplete((v, e) -> {
                        if (e == null) {
                            killed.complete(null);
                        } else {
                            killed.completeExceptionally(e);
                        }
                    });
                }
                submitUntilAccepted(n, Instant.now().plus(Duration.ofMinutes(4)), client);
            }, n * EVERY_MILLIS, TimeUnit.MILLISECONDS);
        }
        killed.get(3, TimeUnit.MINUTES);
        CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).get(6, TimeUnit.MINUTES);
        clock.shutdownNow();
        Duration loaded = Duration.between(start, Instant.now());

        assertThat(unexpected).as("answers other than 202, 409 and 503").isEmpty();
        assertThat(received).as("every client got a tracking number").hasSize(COMPLAINTS);
        assertThat(new HashSet<>(received.values())).as("one tracking number per client").hasSize(COMPLAINTS);
        // The adversary was real: clients were told to come back, and came back to the same complaint.
        assertThat(answered503.get()).as("503s while the broker was down").isPositive();
        assertThat(acceptedAfterRefusal.get()).as("complaints accepted on a retry after a 503 or 409").isPositive();

        awaitQuiet();

        Map<String, List<Integer>> inbox = inbox();
        Set<String> promised = new HashSet<>(received.values());
        long lost = promised.stream().filter(tn -> !inbox.containsKey(tn)).count();
        long ghosts = inbox.keySet().stream().filter(tn -> !promised.contains(tn)).count();
        Map<Integer, Integer> complaintsPerClient = new HashMap<>();
        inbox.values().forEach(clientsOf -> clientsOf.forEach(n -> complaintsPerClient.merge(n, 1, Integer::sum)));
        long doubled = complaintsPerClient.values().stream().filter(c -> c > 1).count()
                + inbox.values().stream().filter(rows -> rows.size() > 1).count();
        long clocks = count("select count(*) from sla.sla_clock where tracking_number = any (?)", promised);
        long clocksDoubled = count("select count(*) from (select tracking_number from sla.sla_clock"
                + " where tracking_number = any (?) group by tracking_number having count(*) > 1) d", promised);
        Submitted submitted = submitted();

        System.out.printf("Broker kill: %d complaints in %d s, %d answers 503 and %d 409 (%d without an answer),"
                        + " %d accepted on a retry; inbox %d; lost %d, doubled %d, ghosts %d; SLA clocks %d (doubled"
                        + " %d); %d submitted records for %d complaints (%d copies, all under one event id each)%n",
                COMPLAINTS, loaded.toSeconds(), answered503.get(), answered409.get(), noAnswer.get(),
                acceptedAfterRefusal.get(), inbox.size(), lost, doubled, ghosts, clocks, clocksDoubled,
                submitted.records(), submitted.eventIdsPerComplaint().size(),
                submitted.records() - submitted.eventIdsPerComplaint().size());

        assertThat(lost).as("lost: a tracking number given out, never in the inbox").isZero();
        assertThat(doubled).as("doubled: one client's complaint twice in the inbox").isZero();
        assertThat(ghosts).as("ghosts: in the inbox under a tracking number no client received").isZero();
        assertThat(clocks).isEqualTo(COMPLAINTS);
        assertThat(clocksDoubled).isZero();
        // What Kafka holds agrees: one complaint per client, and all copies of a complaint one event.
        assertThat(submitted.complaintsPerClient()).hasSize(COMPLAINTS)
                .allSatisfy((n, complaints) -> assertThat(complaints).hasSize(1));
        assertThat(submitted.eventIdsPerComplaint().values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
    }

    /** One client: the same key until a 202, waiting as Retry-After says. */
    private void submitUntilAccepted(int n, Instant deadline, CompletableFuture<Void> done) {
        String body = "{\"category\":\"" + (n % 2 == 0 ? "road" : "health") + "\",\"region\":\"17"
                + String.format("%02d", 1 + n % 9) + "\",\"description\":\"Uji matikan-broker-" + run + "-" + n
                + ": jalan berlubang dan puskesmas tutup\"}";
        attempt(n, body, n % 4 == 3 ? null : "broker-kill-" + run + "-" + n, deadline, done, false);
    }

    private HttpRequest request(String body, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.url(Service.INTAKE)
                        + "/api/v1/complaints"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return (key == null ? request : request.header("Idempotency-Key", key)).build();
    }

    private void attempt(int n, String body, String key, Instant deadline, CompletableFuture<Void> done,
            boolean retried) {
        http.sendAsync(request(body, key), HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            String nextKey = key;
            long waitSeconds = 1;
            if (failure != null) {
                noAnswer.incrementAndGet();
            } else if (response.statusCode() == 202) {
                Matcher m = TRACKING.matcher(response.body());
                if (m.find()) {
                    received.put(n, m.group(1));
                    if (retried) {
                        acceptedAfterRefusal.incrementAndGet();
                    }
                } else {
                    unexpected.put(n, "202 without a tracking number: " + response.body());
                }
                done.complete(null);
                return;
            } else if (response.statusCode() == 503 || response.statusCode() == 409) {
                (response.statusCode() == 503 ? answered503 : answered409).incrementAndGet();
                waitSeconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
                if (key == null) {
                    // A keyless client learns its key from the 503, as the README tells it.
                    nextKey = response.headers().firstValue("Idempotency-Key").orElse(null);
                    if (nextKey == null) {
                        unexpected.put(n, response.statusCode() + " without a key to retry with: " + response.body());
                        done.complete(null);
                        return;
                    }
                }
            } else {
                unexpected.put(n, response.statusCode() + " " + response.body());
                done.complete(null);
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                unexpected.put(n, "no tracking number before the deadline");
                done.complete(null);
                return;
            }
            String retryKey = nextKey;
            CompletableFuture.delayedExecutor(waitSeconds, TimeUnit.SECONDS)
                    .execute(() -> attempt(n, body, retryKey, deadline, done, true));
        });
    }

    private void crashBroker() {
        stack.killBroker();
        try {
            Thread.sleep(DOWN.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stack.restartBroker();
    }

    /** Quiet: every outbox sent, and every service's consumer group at the end of every partition it reads. */
    private void awaitQuiet() {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                count("select (select count(*) from intake.outbox_event where sent_at is null)"
                        + " + (select count(*) from routing.outbox_event where sent_at is null)"
                        + " + (select count(*) from inbox.outbox_event where sent_at is null)"
                        + " + (select count(*) from sla.outbox_event where sent_at is null)", null) == 0
                        && lag() == 0);
    }

    private long lag() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrapServers()))) {
            long lag = 0;
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS)) {
                if (SERVICE_GROUPS.stream().noneMatch(group.groupId()::startsWith)) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(p -> latest.put(p, OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
                for (var entry : committed.entrySet()) {
                    if (entry.getValue() != null) {
                        lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
                    }
                }
            }
            return lag;
        }
    }

    /** The inbox's complaints of this run: tracking number to the clients (by marker) whose words they carry. */
    private Map<String, List<Integer>> inbox() throws SQLException {
        Map<String, List<Integer>> rows = new HashMap<>();
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), "postgres", "");
                Statement statement = c.createStatement();
                ResultSet result = statement.executeQuery("select tracking_number, description from inbox.complaint"
                        + " where description like '%matikan-broker-" + run + "-%'")) {
            while (result.next()) {
                Matcher m = MARKER.matcher(result.getString(2));
                assertThat(m.find()).isTrue();
                rows.computeIfAbsent(result.getString(1), k -> new ArrayList<>()).add(Integer.parseInt(m.group(2)));
            }
        }
        return rows;
    }

    private record Submitted(long records, Map<Integer, Set<String>> complaintsPerClient,
            Map<String, Set<String>> eventIdsPerComplaint) {
    }

    /** Every ComplaintSubmitted of this run, read from the beginning of the topic to its end. */
    private Submitted submitted() {
        Pattern complaintId = Pattern.compile("\"complaintId\"\\s*:\\s*\"([0-9a-f-]+)\"");
        Pattern eventId = Pattern.compile("\"eventId\"\\s*:\\s*\"([0-9a-f-]+)\"");
        Map<Integer, Set<String>> perClient = new HashMap<>();
        Map<String, Set<String>> perComplaint = new HashMap<>();
        long[] records = {0};
        TestStack.drain(Topics.COMPLAINTS_SUBMITTED::equals, record -> {
            Matcher marker = MARKER.matcher(record.value());
            if (!marker.find() || !marker.group(1).equals(run)) {
                return;
            }
            Matcher complaint = complaintId.matcher(record.value());
            Matcher event = eventId.matcher(record.value());
            assertThat(complaint.find() && event.find()).isTrue();
            records[0]++;
            perClient.computeIfAbsent(Integer.parseInt(marker.group(2)), k -> new HashSet<>()).add(complaint.group(1));
            perComplaint.computeIfAbsent(complaint.group(1), k -> new HashSet<>()).add(event.group(1));
        });
        return new Submitted(records[0], perClient, perComplaint);
    }

    private long count(String sql, Set<String> trackingNumbers) {
        return trackingNumbers == null ? TestStack.count(sql) : TestStack.count(sql, trackingNumbers);
    }
}
