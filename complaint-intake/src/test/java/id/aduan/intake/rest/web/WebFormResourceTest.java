package id.aduan.intake.rest.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import id.aduan.events.ComplaintSubmitted;
import id.aduan.events.EventJson;
import id.aduan.events.Topics;
import id.aduan.intake.domain.PhotoSamples;
import id.aduan.testing.KafkaTopics;
import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.Sql;
import id.aduan.testing.TestOidc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TestOidc.class)
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
class WebFormResourceTest {

    private static final Pattern TRACKING = Pattern.compile("id=\"tracking-number\">(ADU(-[0-9A-Z]{4}){4})<");

    @Test
    void theFormIsIndonesianFirstWithEnglishAsASwitch() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<html lang=\"id\">"))
                .body(containsString("Sampaikan pengaduan Anda"))
                .body(containsString("Jalan rusak"))
                .body(containsString("Kabupaten Kepahiang"))
                .body(containsString("href=\"/?lang=en\""))
                .body(containsString("enctype=\"multipart/form-data\""))
                .body(not(containsString("null")));
        given().get("/?lang=en").then().statusCode(200)
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("Send your complaint"))
                .body(containsString("Damaged road"));
    }

    @Test
    void aMistakeShowsTheFormAgainWithTheMessageNextToTheFieldAndTheValuesKept() {
        String marker = "penanda" + UUID.randomUUID().toString().substring(0, 8);
        given().multiPart("key", UUID.randomUUID().toString()).multiPart("category", "road")
                .multiPart("description", "pendek").multiPart("region", "1708")
                .multiPart("address", marker).multiPart("phone", "12345")
                .post("/").then().statusCode(400)
                .body(containsString("id=\"error-description\">Isi pengaduan harus 10 sampai 4000 karakter."))
                .body(containsString("id=\"error-phone\">Nomor HP tidak valid"))
                .body(containsString("value=\"" + marker + "\""))
                .body(containsString("<option value=\"1708\" selected>"));
        assertThat(Sql.count("select count(*) from intake.complaint_status where address like ?", "%" + marker + "%"))
                .isZero();
    }

    @Test
    void aValidComplaintGetsItsTrackingNumberOnlyOnceItIsOnKafka() throws Exception {
        String marker = "web" + UUID.randomUUID().toString().substring(0, 8);
        String page = form(UUID.randomUUID().toString(), marker)
                .multiPart("photo", "jalan.jpg", PhotoSamples.jpegWithGps(-3.64, 102.58), "image/jpeg")
                .post("/").then().statusCode(200)
                .body(containsString("Pengaduan Anda diterima"))
                .body(containsString("id=\"citizen-token\""))
                .extract().asString();
        String trackingNumber = tracking(page);

        var records = KafkaTopics.await(Topics.COMPLAINTS_SUBMITTED,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(trackingNumber), 1, Duration.ofSeconds(10));
        ComplaintSubmitted submitted = EventJson.read(records.get(0).value()).payload(ComplaintSubmitted.class)
                .orElseThrow();
        assertThat(submitted.complaint().channel()).isEqualTo("web");
        assertThat(submitted.complaint().regionCode()).isEqualTo("1708");
        assertThat(submitted.complaint().address()).startsWith("Kec. Ujan Mas");
        assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8)).doesNotContain("Rahmawati", "0812");
        // The photo is kept without its GPS position.
        byte[] stored = given().get("/lacak/" + trackingNumber + "/foto").then().statusCode(200)
                .contentType("image/jpeg").extract().asByteArray();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Exif\0\0");

        given().get("/lacak/" + trackingNumber).then().statusCode(200)
                .body(containsString(trackingNumber))
                .body(containsString("id=\"status\">Diterima<"))
                .body(not(containsString("Rahmawati")));
    }

    @Test
    void sendingThePageTwiceMakesOneComplaint() {
        String key = UUID.randomUUID().toString();
        String marker = "dua" + UUID.randomUUID().toString().substring(0, 8);
        String first = tracking(form(key, marker).post("/").then().statusCode(200).extract().asString());
        String second = tracking(form(key, marker).post("/").then().statusCode(200).extract().asString());
        assertThat(second).isEqualTo(first);
        assertThat(Sql.count("select count(*) from intake.complaint_status where address like ?", "%" + marker + "%"))
                .isEqualTo(1);
    }

    @Test
    void aFakePhotoIsRefusedNextToItsField() {
        String marker = "foto" + UUID.randomUUID().toString().substring(0, 8);
        form(UUID.randomUUID().toString(), marker)
                .multiPart("photo", "foto.jpg", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8),
                        "image/jpeg")
                .post("/").then().statusCode(400)
                .body(containsString("id=\"error-photo\">Berkas bukan foto JPEG atau PNG yang utuh."));
        assertThat(Sql.count("select count(*) from intake.complaint_status where address like ?", "%" + marker + "%"))
                .isZero();
    }

    @Test
    void anUnknownTrackingNumberIsAFriendlyPage() {
        given().get("/lacak/ADU-0000-0000-0000-0000").then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("Nomor pelacakan tidak ditemukan"));
        given().get("/lacak/%3Cscript%3E?lang=en").then().statusCode(404)
                .body(containsString("Tracking number not found"))
                .body(not(containsString("<script>")));
    }

    private static RequestSpecification form(String key, String marker) {
        return given().multiPart("key", key).multiPart("category", "road")
                .multiPart("description", "Jalan di depan SD berlubang besar, motor sering jatuh " + marker)
                .multiPart("region", "1708").multiPart("kecamatan", "Ujan Mas").multiPart("address", marker)
                .multiPart("name", "Siti Rahmawati").multiPart("phone", "081234567890");
    }

    private static String tracking(String page) {
        Matcher m = TRACKING.matcher(page);
        assertThat(m.find()).as("tracking number on the page").isTrue();
        return m.group(1);
    }
}
