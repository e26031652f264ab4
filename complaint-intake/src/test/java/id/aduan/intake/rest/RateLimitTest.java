package id.aduan.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.TestOidc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(RateLimitTest.SmallLimits.class)
@WithTestResource(TestOidc.class)
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
class RateLimitTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("aduan.intake.rate-limit.api.capacity", "3", "aduan.intake.rate-limit.api.per", "1h",
                    "aduan.intake.rate-limit.form.capacity", "2", "aduan.intake.rate-limit.form.per", "1h");
        }
    }

    @Test
    void theApiAnswers429WithRetryAfterOnceAnAddressHasUsedItsShare() {
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON).body("""
                    {"category":"road","description":"Jalan rusak parah nomor %d","region":"1771"}""".formatted(i))
                    .post("/api/v1/complaints").then().statusCode(202);
        }
        given().contentType(ContentType.JSON).body("""
                {"category":"road","description":"Jalan rusak parah sekali lagi","region":"1771"}""")
                .post("/api/v1/complaints").then().statusCode(429)
                .header("Retry-After", notNullValue())
                .contentType("application/problem+json")
                .body("type", equalTo("urn:aduan:problem:rate-limited"))
                .body("title", equalTo("Terlalu banyak permintaan"));
        // Reading the status is not limited.
        given().get("/api/v1/complaints/ADU-0000-0000-0000-0000").then().statusCode(404);
    }

    @Test
    void theFormShowsTheLimitInIndonesian() {
        for (int i = 0; i < 2; i++) {
            given().multiPart("category", "road").multiPart("description", "pendek").post("/").then().statusCode(400);
        }
        given().multiPart("key", UUID.randomUUID().toString()).multiPart("category", "road")
                .multiPart("description", "Jalan rusak parah di depan pasar").multiPart("region", "1771")
                .post("/").then().statusCode(429)
                .header("Retry-After", notNullValue())
                .body(containsString("Terlalu banyak pengiriman dari jaringan Anda"));
    }
}
