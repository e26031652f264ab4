package id.aduan.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.testing.RealPostgres;
import id.aduan.testing.Sql;
import id.aduan.testing.TestOidc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Past {@code max-in-flight} submissions in progress, intake refuses the next at once (503, Retry-After) instead of
 * queueing it, and stores nothing of it. Two submissions are held in progress by a broker that never answers.
 */
@QuarkusTest
@WithTestResource(TestOidc.class)
@TestProfile(OverloadTest.TwoAtATime.class)
@WithTestResource(RealPostgres.class)
class OverloadTest {

    public static class TwoAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "aduan.intake.max-in-flight", "2",
                    "kafka.bootstrap.servers", "127.0.0.1:1",
                    "mp.messaging.outgoing.outbox.max.block.ms", "1000",
                    "mp.messaging.outgoing.outbox.delivery.timeout.ms", "4000",
                    "mp.messaging.outgoing.outbox.request.timeout.ms", "1000",
                    "aduan.intake.publish-timeout", "5s");
        }
    }

    @Test
    void submissionsPastTheBoundAreRefusedAndNothingOfThemIsStored() throws Exception {
        String marker = "penuh-" + UUID.randomUUID();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<CompletableFuture<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String body = "{\"category\":\"road\",\"region\":\"1771\",\"description\":\"Jalan rusak " + marker
                        + " nomor " + i + "\"}";
                // Keyless clients, as many are: every 503 must hand them a key to retry with.
                answers.add(CompletableFuture.supplyAsync(() -> given().contentType(ContentType.JSON).body(body)
                        .post("/api/v1/complaints"), clients));
            }
            List<String> types = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            for (CompletableFuture<Response> answer : answers) {
                Response response = answer.get(60, TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(503);
                assertThat(response.header("Retry-After")).isEqualTo("5");
                assertThat(response.header("Idempotency-Key")).as("a key to retry with").isNotBlank();
                keys.add(response.header("Idempotency-Key"));
                types.add(response.jsonPath().getString("type"));
            }
            assertThat(keys).as("one key per submission").hasSize(6);
            // Two held by the broker that never answers (kept, outcome unknown); the other four refused at once.
            assertThat(types).filteredOn("urn:aduan:problem:broker-unavailable"::equals).hasSize(2);
            assertThat(types).filteredOn("urn:aduan:problem:overloaded"::equals).hasSize(4);
            assertThat(Sql.count("select count(*) from intake.complaint_status where description like ?",
                    "%" + marker + "%")).isEqualTo(2);
        } finally {
            clients.shutdownNow();
        }
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("aduan_intake_submissions_refused_total"));
        // Once the two are done, the next is admitted again (and held like them).
        given().contentType(ContentType.JSON).header("Idempotency-Key", "overload-" + UUID.randomUUID())
                .body("{\"category\":\"road\",\"region\":\"1771\",\"description\":\"Jalan rusak " + marker
                        + " sesudahnya\"}")
                .post("/api/v1/complaints").then().statusCode(503)
                .body("type", org.hamcrest.Matchers.equalTo("urn:aduan:problem:broker-unavailable"));
    }
}
