package id.aduan.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import id.aduan.events.Category;
import id.aduan.events.ComplaintSubmitted;
import id.aduan.events.EventEnvelope;
import id.aduan.events.EventJson;
import id.aduan.events.Topics;
import id.aduan.testing.KafkaTopics;
import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.TestOidc;
import id.aduan.testing.Sql;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TestOidc.class)
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
class ComplaintResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void acceptedComplaintIsOnKafkaWithoutTheReportersContact() {
        String phone = "0812" + (10_000_000 + (int) (Math.random() * 89_999_999));
        Response response = given().contentType(ContentType.JSON)
                .body("""
                        {"category":"road","description":"  Jalan   berlubang besar di depan pasar,\\n bahaya  ",
                         "region":"kota bkl","address":"Kel. Pasar Baru",
                         "location":{"latitude":-3.7956,"longitude":102.2592},
                         "reporter":{"name":"Siti Rahmawati","phone":"%s","email":"siti@example.id"}}
                        """.formatted(phone))
                .post("/api/v1/complaints")
                .then().statusCode(202)
                .body("trackingNumber", matchesPattern("ADU(-[0-9A-Z]{4}){4}"))
                .body("status", equalTo("SUBMITTED"))
                .body("statusUrl", containsString("/api/v1/complaints/ADU-"))
                .header("Location", containsString("/api/v1/complaints/ADU-"))
                .extract().response();
        String trackingNumber = response.path("trackingNumber");

        List<ConsumerRecord<String, byte[]>> records = KafkaTopics.settled(Topics.COMPLAINTS_SUBMITTED,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(trackingNumber), 1, Duration.ofSeconds(10));
        assertThat(records).hasSize(1);
        String json = new String(records.get(0).value(), StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("Siti", "Rahmawati", phone.substring(1), "siti@example.id", "reporter");

        EventEnvelope event = EventJson.read(records.get(0).value());
        assertThat(records.get(0).key()).isEqualTo(event.complaintId().toString());
        ComplaintSubmitted submitted = event.payload(ComplaintSubmitted.class).orElseThrow();
        assertThat(submitted.complaint().category()).isEqualTo(Category.ROAD);
        assertThat(submitted.complaint().regionCode()).isEqualTo("1771");
        assertThat(submitted.complaint().description()).isEqualTo("Jalan berlubang besar di depan pasar,\nbahaya");
        assertThat(submitted.complaint().location().latitude()).isEqualTo(-3.7956);
        assertThat(submitted.complaint().channel()).isEqualTo("api");
        assertThat(submitted.complaint().submittedAt()).isEqualTo(event.occurredAt());
        assertThat(event.occurredAt().getOffset().getTotalSeconds()).isEqualTo(7 * 3600);

        // The contact is kept by intake, in canonical form, and nowhere else.
        assertThat(Sql.count("select count(*) from intake.reporter_contact where complaint_id = ? and phone = ?",
                event.complaintId(), "+62" + phone.substring(1))).isEqualTo(1);
        // The status feed confirms the reservation once it reads the event back from Kafka.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Sql.count(
                "select count(*) from intake.complaint_status where complaint_id = ? and confirmed",
                event.complaintId())).isEqualTo(1));

        given().accept(ContentType.JSON).get("/api/v1/complaints/" + trackingNumber.toLowerCase())
                .then().statusCode(200)
                .body("trackingNumber", equalTo(trackingNumber))
                .body("status", equalTo("SUBMITTED"))
                .body("regionName", equalTo("Kota Bengkulu"))
                .body("categoryLabel", equalTo("Jalan rusak"))
                .body(org.hamcrest.Matchers.not(containsString("Siti")));
    }

    @Test
    void rejectedRequestsGetProblemDetailsAndPublishNothing() {
        long rowsBefore = Sql.count("select count(*) from intake.complaint_status");
        String marker = "penanda-" + UUID.randomUUID();

        // Malformed JSON
        given().contentType(ContentType.JSON).body("{\"category\":\"road\", \"description\": " + marker)
                .post("/api/v1/complaints")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:aduan:problem:malformed-json"))
                .body("title", equalTo("Format JSON tidak valid"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/api/v1/complaints"));
        // Missing fields: every one is named, in Indonesian by default
        given().contentType(ContentType.JSON).body("{\"address\":\"" + marker + "\"}")
                .post("/api/v1/complaints")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:aduan:problem:validation"))
                .body("errors.field", hasItems("description"))
                .body("errors.find { it.field == 'description' }.message", equalTo("Isi pengaduan wajib diisi."));
        // No region anywhere: not in a field, not on the map, not in the words
        given().contentType(ContentType.JSON)
                .body("{\"description\":\"" + marker + " jalan berlubang besar sekali\"}")
                .post("/api/v1/complaints")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.find { it.field == 'region' }.message", startsWith("Kabupaten/kota tidak ditemukan"));
        // ... and in English on request
        given().contentType(ContentType.JSON).header("Accept-Language", "en-US,en;q=0.9")
                .body("{\"category\":\"flying-saucer\",\"description\":\"" + marker + " too\",\"region\":\"Mars\"}")
                .post("/api/v1/complaints")
                .then().statusCode(400).contentType(PROBLEM)
                .header("Content-Language", startsWith("en"))
                .body("title", equalTo("Invalid data"))
                .body("errors.find { it.field == 'category' }.message", startsWith("Unknown category"))
                .body("errors.find { it.field == 'region' }.message", startsWith("Unknown regency/city"));
        // Over-long description, location outside Indonesia, bad phone
        given().contentType(ContentType.JSON)
                .body("""
                        {"category":"school","description":"%s","region":"1702",
                         "location":{"latitude":48.85,"longitude":2.35},"reporter":{"phone":"12345"}}
                        """.formatted("x".repeat(4001)))
                .post("/api/v1/complaints")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItems("description", "location.latitude", "location.longitude",
                        "reporter.phone"));
        // A field of the wrong type
        given().contentType(ContentType.JSON)
                .body("{\"category\":\"road\",\"description\":\"" + marker + "\",\"region\":\"1771\","
                        + "\"location\":{\"latitude\":\"far\",\"longitude\":1}}")
                .post("/api/v1/complaints")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("location.latitude"));
        // No body at all
        given().contentType(ContentType.JSON).post("/api/v1/complaints")
                .then().statusCode(400).contentType(PROBLEM);
        // Not JSON
        given().contentType(ContentType.TEXT).body("jalan rusak " + marker)
                .post("/api/v1/complaints")
                .then().statusCode(415).contentType(PROBLEM)
                .body("type", equalTo("urn:aduan:problem:unsupported-media-type"));
        // Too large
        given().contentType(ContentType.JSON)
                .body("{\"category\":\"road\",\"region\":\"1771\",\"description\":\"" + "y".repeat(70_000) + "\"}")
                .post("/api/v1/complaints")
                .then().statusCode(413).contentType(PROBLEM)
                .body("type", equalTo("urn:aduan:problem:payload-too-large"));
        // A wrong method on a known path
        given().delete("/api/v1/complaints").then().statusCode(405).contentType(PROBLEM);

        assertThat(Sql.count("select count(*) from intake.complaint_status")).isEqualTo(rowsBefore);
        KafkaTopics.awaitQuiet();
        assertThat(KafkaTopics.all(Topics.COMPLAINTS_SUBMITTED,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(marker))).isEmpty();
    }

    @Test
    void unknownOrMalformedTrackingNumbersAreNotFound() {
        given().get("/api/v1/complaints/ADU-0000-0000-0000-0000")
                .then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:aduan:problem:complaint-not-found"))
                .body("detail", notNullValue());
        given().get("/api/v1/complaints/' or 1=1 --")
                .then().statusCode(404).contentType(PROBLEM);
    }
}
