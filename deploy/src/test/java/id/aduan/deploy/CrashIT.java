package id.aduan.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the routing service while complaints stream in, then a restart: every complaint that got a 202
 * reaches the inbox exactly once (one complaint, one routing step in its history), and gets one SLA clock.
 */
class CrashIT {

    private static final Pattern TRACKING = Pattern.compile("\"trackingNumber\"\\s*:\\s*\"([A-Z0-9-]+)\"");
    private static final Pattern EVENT_ID = Pattern.compile("\"eventId\"\\s*:\\s*\"([0-9a-f-]+)\"");
    private static final int COMPLAINTS = 300;

    private final Stack stack = TestStack.get();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyAcceptedComplaintReachesTheInboxExactlyOnceAcrossACrash() throws Exception {
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger refused = new AtomicInteger();
        AtomicBoolean routingDown = new AtomicBoolean();
        AtomicInteger acceptedWhileDown = new AtomicInteger();

        CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < COMPLAINTS; i++) {
                String tracking = submit(i);
                if (tracking == null) {
                    refused.incrementAndGet();
                } else {
                    accepted.add(tracking);
                    if (routingDown.get()) {
                        acceptedWhileDown.incrementAndGet();
                    }
                }
                pause(25);
            }
        });

        await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= COMPLAINTS / 4);
        stack.kill(Service.ROUTING);
        routingDown.set(true);
        assertThat(stack.isAlive(Service.ROUTING)).isFalse();
        pause(2000);
        routingDown.set(false);
        stack.restart(Service.ROUTING);
        stream.get();

        assertThat(refused.get()).as("intake refused complaints although Kafka was up").isZero();
        assertThat(accepted).hasSize(COMPLAINTS).doesNotHaveDuplicates();
        assertThat(acceptedWhileDown.get()).as("complaints accepted while routing was dead").isPositive();

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                TestStack.count("select count(*) from inbox.complaint where tracking_number = any (?)", accepted)
                        == COMPLAINTS);

        // Exactly once: one history step (one applied ComplaintRouted) per complaint, however often Kafka
        // redelivered the submissions that routing had consumed but not committed when it was killed.
        assertThat(TestStack.count("select count(*) from inbox.complaint_event e join inbox.complaint c"
                + " on c.id = e.complaint_id where c.tracking_number = any (?)", accepted)).isEqualTo(COMPLAINTS);
        assertThat(TestStack.count("select count(*) from (select e.complaint_id from inbox.complaint_event e"
                + " join inbox.complaint c on c.id = e.complaint_id where c.tracking_number = any (?)"
                + " group by e.complaint_id having count(*) <> 1) odd", accepted)).isZero();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                TestStack.count("select count(*) from sla.sla_clock where tracking_number = any (?)", accepted)
                        == COMPLAINTS);

        // The adversary was real: Kafka redelivered submissions the killed router had already routed, and each
        // re-routing produced the same event id as the first, which is what let the inbox drop it.
        Map<String, Set<String>> routedIds = routedEventIds(new HashSet<>(accepted));
        assertThat(routedIds).hasSize(COMPLAINTS);
        assertThat(routedIds.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
        long copies = routedRecords;
        System.out.printf("Crash test: %d routed records for %d complaints (%d redelivered copies)%n", copies,
                COMPLAINTS, copies - COMPLAINTS);
        assertThat(copies).isGreaterThan(COMPLAINTS);
    }

    private long routedRecords;

    /** Each accepted complaint's routed event ids, read from the topic; counts every copy in routedRecords. */
    private Map<String, Set<String>> routedEventIds(Set<String> trackingNumbers) {
        Map<String, Set<String>> ids = new HashMap<>();
        TestStack.drain("aduan.complaints.routed"::equals, record -> {
            Matcher tracking = TRACKING.matcher(record.value());
            Matcher eventId = EVENT_ID.matcher(record.value());
            if (tracking.find() && trackingNumbers.contains(tracking.group(1)) && eventId.find()) {
                ids.computeIfAbsent(tracking.group(1), k -> new HashSet<>()).add(eventId.group(1));
                routedRecords++;
            }
        });
        return ids;
    }

    private String submit(int i) {
        String body = "{\"category\":\"" + (i % 2 == 0 ? "road" : "health") + "\",\"region\":\"17"
                + String.format("%02d", 1 + i % 9) + "\",\"description\":\"Uji crash nomor " + i
                + ": jalan berlubang\"}";
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(stack.url(Service.INTAKE) + "/api/v1/complaints"))
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                return null;
            }
            Matcher m = TRACKING.matcher(response.body());
            return m.find() ? m.group(1) : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
