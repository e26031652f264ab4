package id.aduan.intake.rest.open311;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;


import id.aduan.testing.RealPostgres;
import id.aduan.testing.Sql;
import id.aduan.testing.TestOidc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The two answers that tell an Open311 client to come back later, with Retry-After, in the spec's format: 503 when
 * Kafka does not acknowledge (the request is kept, and sending it again is the same complaint), and 429 when the
 * client's key has used up its bucket.
 */
@QuarkusTest
@WithTestResource(TestOidc.class)
@TestProfile(Open311BackPressureTest.NoBrokerSmallBuckets.class)
@WithTestResource(RealPostgres.class)
class Open311BackPressureTest {

    static final int CAPACITY = 3;

    /**
     * The REST door's BrokerDownTest settings (a port where no broker listens, short timeouts), and Open311 buckets
     * of {@link #CAPACITY} per hour whatever the test defaults are.
     */
    public static class NoBrokerSmallBuckets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "kafka.bootstrap.servers", "127.0.0.1:1",
                    "mp.messaging.outgoing.outbox.max.block.ms", "1000",
                    "mp.messaging.outgoing.outbox.delivery.timeout.ms", "2000",
                    "mp.messaging.outgoing.outbox.request.timeout.ms", "1000",
                    "aduan.intake.publish-timeout", "3s",
                    "aduan.intake.rate-limit.open311.capacity", String.valueOf(CAPACITY),
                    "aduan.intake.rate-limit.open311.per", "1h");
        }
    }

    @Test
    void aKeyThatUsedUpItsBucketGets429WithRetryAfter() {
        String key = "open311-test-key-rate";
        for (int i = 0; i < CAPACITY; i++) {
            // Invalid (no description), so that nothing is submitted: every request counts all the same.
            given().contentType(Open311ResourceTest.FORM).formParam("api_key", key).formParam("service_code", "road")
                    .post(Open311ResourceTest.BASE + "requests.json").then().statusCode(400);
        }
        Response refused = given().contentType(Open311ResourceTest.FORM).formParam("api_key", key)
                .formParam("service_code", "road").post(Open311ResourceTest.BASE + "requests.json");
        JsonPath errors = Open311ResourceTest.jsonError(refused, 429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(errors.getString("[0].description")).contains("api_key");
        // An unknown key is still 403, not 429; another key has a bucket of its own.
        given().contentType(Open311ResourceTest.FORM).formParam("api_key", "open311-test-key-unknown")
                .post(Open311ResourceTest.BASE + "requests.xml").then().statusCode(403);
        given().contentType(Open311ResourceTest.FORM).formParam("api_key", "open311-test-key-hostile")
                .formParam("service_code", "road").post(Open311ResourceTest.BASE + "requests.json")
                .then().statusCode(400);
    }

    @Test
    void anUnacknowledgedRequestIsKeptAndSendingItAgainIsTheSameComplaint() {
        String marker = "open311-tidak-terkirim-" + UUID.randomUUID();
        Response response = create(marker);
        XmlPath errors = Open311ResourceTest.xmlError(response, 503);
        assertThat(response.header("Retry-After")).isEqualTo("5");
        assertThat(errors.getString("errors.error.description")).contains("belum dapat dipastikan");
        assertThat(reserved(marker)).isOne();
        assertThat(Sql.count("select count(*) from intake.reporter_contact r join intake.complaint_status c"
                + " on c.complaint_id = r.complaint_id where c.description like ? and r.phone = '+6281298765431'",
                "%" + marker + "%")).isOne();

        // The very same request again (a client's retry), once the first has stopped waiting (the key's bucket holds
        // only 3): unknown again, and still one complaint.
        await().pollDelay(Duration.ofSeconds(4)).pollInterval(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(30))
                .until(() -> {
            Response again = create(marker);
            assertThat(again.statusCode()).isEqualTo(503);
            return Open311ResourceTest.xmlError(again, 503).getString("errors.error.description")
                    .contains("belum dapat dipastikan");
        });
        assertThat(reserved(marker)).isOne();
    }

    private static Response create(String marker) {
        return given().contentType(Open311ResourceTest.FORM)
                .formParam("api_key", Open311ResourceTest.KEY).formParam("service_code", "road")
                .formParam("lat", "-3.7956").formParam("long", "102.2592")
                .formParam("description", "Jalan rusak di depan pasar " + marker)
                .formParam("phone", "081298765431")
                .post(Open311ResourceTest.BASE + "requests.xml");
    }

    private static long reserved(String marker) {
        return Sql.count("select count(*) from intake.complaint_status where description like ? and not confirmed",
                "%" + marker + "%");
    }
}
