package id.aduan.intake.domain;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.events.ComplaintSubmitted;
import id.aduan.events.EventJson;
import id.aduan.events.Location;
import id.aduan.events.Topics;
import id.aduan.testing.KafkaTopics;
import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.Sql;
import id.aduan.testing.TestOidc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Same category within 250 m, or in the same desa, within 7 days: linked to the earlier one, never discarded. */
@QuarkusTest
@WithTestResource(TestOidc.class)
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
class PossibleDuplicatesTest {

    @Test
    void aComplaintNearAnEarlierOneOfTheSameCategoryIsLinkedToIt() {
        // Somewhere in Seluma, far from other tests' points.
        double lat = -4.0612 + Math.random() / 100;
        double lon = 102.5934;
        String first = submit("road", "Jalan berlubang di tikungan", lat, lon, null);
        String near = submit("road", "Lubang besar di jalan dekat tikungan", lat + 0.001, lon + 0.001, null);
        String far = submit("road", "Jalan rusak di kampung sebelah", lat + 0.01, lon, null);
        String otherCategory = submit("school", "Sekolah dekat tikungan atapnya bocor", lat, lon, null);

        assertThat(duplicateOf(near)).isEqualTo(complaintId(first));
        assertThat(duplicateOf(far)).isNull();
        assertThat(duplicateOf(otherCategory)).isNull();
        assertThat(duplicateOf(first)).isNull();
        // Linked, not discarded: all four are complaints, and the link travels in the event.
        assertThat(event(near).possibleDuplicateOf().toString()).isEqualTo(complaintId(first));
        assertThat(event(far).possibleDuplicateOf()).isNull();
    }

    @Test
    void aComplaintInTheSameDesaIsLinkedEvenWithoutAPoint() {
        String first = submit("other", "Sampah menumpuk di pinggir jalan", null, null, "Desa Air Sebakul");
        String second = submit("other", "Sampah belum diangkut seminggu", null, null, "desa air sebakul");
        String third = submit("other", "Sampah berserakan lagi", null, null, "Desa Air Sebakul");

        assertThat(duplicateOf(second)).isEqualTo(complaintId(first));
        // A third repeat points at the first one, not at the second.
        assertThat(duplicateOf(third)).isEqualTo(complaintId(first));
    }

    @Test
    void distancesAreGreatCircleMetres() {
        assertThat(SubmitComplaint.metres(new Location(-3.8, 102.26), -3.8, 102.26)).isZero();
        assertThat(SubmitComplaint.metres(new Location(-3.8, 102.26), -3.8018, 102.26)).isBetween(195.0, 205.0);
        assertThat(SubmitComplaint.metres(new Location(-3.8, 102.26), -3.8, 102.2625)).isBetween(270.0, 285.0);
    }

    private static String submit(String category, String text, Double lat, Double lon, String address) {
        String marker = " dup" + UUID.randomUUID().toString().substring(0, 8);
        String location = lat == null ? "" : ",\"location\":{\"latitude\":%s,\"longitude\":%s}".formatted(lat, lon);
        String where = address == null ? "\"region\":\"1705\"" : "\"address\":\"" + address + "\"";
        return given().contentType(ContentType.JSON)
                .body("{\"category\":\"%s\",\"description\":\"%s\",%s%s}".formatted(category, text + marker, where,
                        location))
                .post("/api/v1/complaints").then().statusCode(202).extract().path("trackingNumber");
    }

    private static String complaintId(String trackingNumber) {
        return String.valueOf(Sql.value("select complaint_id from intake.complaint_status where tracking_number = ?",
                trackingNumber));
    }

    private static String duplicateOf(String trackingNumber) {
        Object value = Sql.value("select duplicate_of from intake.complaint_status where tracking_number = ?",
                trackingNumber);
        return value == null ? null : value.toString();
    }

    private static id.aduan.events.ComplaintSnapshot event(String trackingNumber) {
        var records = KafkaTopics.await(Topics.COMPLAINTS_SUBMITTED,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(trackingNumber), 1, Duration.ofSeconds(10));
        return EventJson.read(records.get(0).value()).payload(ComplaintSubmitted.class).orElseThrow().complaint();
    }
}
