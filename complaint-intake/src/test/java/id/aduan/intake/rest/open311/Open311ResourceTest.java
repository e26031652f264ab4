package id.aduan.intake.rest.open311;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import id.aduan.events.Category;
import id.aduan.events.ComplaintAction;
import id.aduan.events.ComplaintRouted;
import id.aduan.events.ComplaintSnapshot;
import id.aduan.events.ComplaintStatus;
import id.aduan.events.ComplaintStatusChanged;
import id.aduan.events.ComplaintSubmitted;
import id.aduan.events.EventEnvelope;
import id.aduan.events.EventJson;
import id.aduan.events.RoutingDecision;
import id.aduan.events.Topics;
import id.aduan.intake.domain.TrackingNumbers;
import id.aduan.testing.KafkaTopics;
import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.Sql;
import id.aduan.testing.TestOidc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Open311 GeoReport v2 against the real broker and database: every endpoint, in XML and JSON. */
@QuarkusTest
@WithTestResource(TestOidc.class)
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
class Open311ResourceTest {

    static final String BASE = "/open311/v2/";
    static final String KEY = "open311-test-key-main";
    static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";
    private static final ZoneOffset WIB = ZoneOffset.ofHours(7);

    // --- Discovery and services ---

    @Test
    void discoveryInXmlAndJson() {
        XmlPath xml = xml(given().get(BASE + "discovery.xml"), "discovery");
        assertThat(xml.getList("discovery.children()*.name()")).containsExactly("changeset", "contact", "key_service",
                "endpoints");
        assertThat(xml.getList("discovery.endpoints.endpoint.children()*.name()")).containsExactly("specification",
                "url", "changeset", "type", "formats");
        assertThat(xml.getString("discovery.changeset")).isNotBlank();
        assertThat(xml.getString("discovery.contact")).isNotBlank();
        assertThat(xml.getString("discovery.key_service")).isNotBlank();
        assertThat(xml.getInt("discovery.endpoints.endpoint.size()")).isEqualTo(1);
        assertThat(xml.getString("discovery.endpoints.endpoint.specification"))
                .isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(xml.getString("discovery.endpoints.endpoint.url")).endsWith("/open311/v2");
        assertThat(xml.getString("discovery.endpoints.endpoint.type")).isEqualTo("production");
        assertThat(xml.getList("discovery.endpoints.endpoint.formats.format"))
                .containsExactly("text/xml", "application/json");

        JsonPath json = json(given().get(BASE + "discovery.json"));
        assertThat(json.getString("key_service")).isEqualTo(xml.getString("discovery.key_service"));
        assertThat(json.getString("endpoints[0].changeset")).isNotBlank();
        assertThat(json.getList("endpoints[0].formats")).containsExactly("text/xml", "application/json");

        // No extension: XML, the spec's required format.
        assertThat(xml(given().get(BASE + "discovery"), "discovery").getString("discovery.endpoints.endpoint.type"))
                .isEqualTo("production");
    }

    @Test
    void servicesAreTheCategoriesInBahasaIndonesia() {
        XmlPath xml = xml(given().get(BASE + "services.xml"), "services");
        assertThat(xml.getList("services.children()*.name()")).containsOnly("service").hasSize(4);
        assertThat(xml.getList("services.service[0].children()*.name()")).containsExactly("service_code",
                "service_name", "description", "metadata", "type", "keywords", "group");
        assertThat(xml.getList("services.service.service_code")).containsExactly("road", "school", "health", "other");
        assertThat(xml.getString("services.service.find { it.service_code == 'road' }.service_name"))
                .isEqualTo(Category.ROAD.label(true));
        assertThat(xml.getString("services.service.find { it.service_code == 'health' }.service_name"))
                .isEqualTo("BPJS gratis / kesehatan");
        assertThat(xml.getList("services.service.metadata")).containsOnly("false");
        assertThat(xml.getList("services.service.type")).containsOnly("realtime");
        for (String element : List.of("description", "keywords", "group")) {
            assertThat(xml.getList("services.service." + element, String.class)).hasSize(4).allSatisfy(
                    value -> assertThat(value).isNotBlank());
        }

        JsonPath json = json(given().get(BASE + "services.json"));
        assertThat(json.getList("service_code")).containsExactly("road", "school", "health", "other");
        assertThat(json.getList("metadata")).containsOnly(false);
        assertThat(json.getString("find { it.service_code == 'school' }.service_name")).isEqualTo("Sekolah");
        assertThat(json.getString("[0].group")).isEqualTo(xml.getString("services.service[0].group"));
    }

    @Test
    void serviceDefinitionHasNoAttributesAndUnknownCodesAre404() {
        XmlPath xml = xml(given().get(BASE + "services/health.xml"), "service_definition");
        assertThat(xml.getString("service_definition.service_code")).isEqualTo("health");
        assertThat(xml.getInt("service_definition.attributes.attribute.size()")).isZero();
        assertThat(given().get(BASE + "services/health.xml").asString()).contains("<attributes/>");

        JsonPath json = json(given().get(BASE + "services/ROAD.json"));
        assertThat(json.getString("service_code")).isEqualTo("road");
        assertThat(json.getList("attributes")).isEmpty();

        xmlError(given().get(BASE + "services/pothole.xml"), 404);
        jsonError(given().get(BASE + "services/pothole.json"), 404);
        jsonError(given().get(BASE + "services/unknown.json"), 404);
    }

    // --- POST requests ---

    @Test
    void postedRequestIsOnKafkaAsAnOpen311ComplaintWithoutTheContact() {
        String phone = "0813" + (10_000_000 + (int) (Math.random() * 89_999_999));
        String email = "warga." + UUID.randomUUID().toString().substring(0, 8) + "@example.id";
        Response response = given().contentType(FORM)
                .formParams(Map.of("api_key", KEY, "service_code", "road", "lat", "-3.7956", "long", "102.2592",
                        "description", "  Jalan   berlubang besar di depan pasar,\n bahaya bagi motor  ",
                        "email", email, "first_name", "Siti", "last_name", "Rahmawati", "phone", phone))
                .formParam("media_url", "https://example.id/foto/jalan.jpg")
                .formParam("jurisdiction_id", "bengkuluprov.go.id")
                .formParam("attribute[WHATEVER]", "ignored")
                .post(BASE + "requests.xml");
        XmlPath xml = xml(response, "service_requests");
        String trackingNumber = xml.getString("service_requests.request.service_request_id");
        assertThat(trackingNumber).matches("ADU(-[0-9A-Z]{4}){4}");
        assertThat(xml.getInt("service_requests.request.size()")).isEqualTo(1);
        assertThat(xml.getList("service_requests.request.children()*.name()")).containsExactly("service_request_id",
                "service_notice", "account_id");
        assertThat(xml.getString("service_requests.request.service_notice")).contains("/api/v1/complaints/"
                + trackingNumber);
        assertThat(xml.getString("service_requests.request.account_id")).isEmpty();
        assertThat(response.asString()).contains("<account_id/>").doesNotContain("Siti", email);

        List<ConsumerRecord<String, byte[]>> records = KafkaTopics.settled(Topics.COMPLAINTS_SUBMITTED,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(trackingNumber), 1, Duration.ofSeconds(10));
        assertThat(records).hasSize(1);
        String event = new String(records.get(0).value(), StandardCharsets.UTF_8);
        assertThat(event).doesNotContain("Siti", "Rahmawati", phone.substring(1), email, "example.id/foto",
                "reporter", "contact");
        ComplaintSubmitted submitted = EventJson.read(records.get(0).value()).payload(ComplaintSubmitted.class)
                .orElseThrow();
        assertThat(submitted.complaint().channel()).isEqualTo("open311");
        assertThat(submitted.complaint().category()).isEqualTo(Category.ROAD);
        assertThat(submitted.complaint().regionCode()).isEqualTo("1771");
        assertThat(submitted.complaint().description())
                .isEqualTo("Jalan berlubang besar di depan pasar,\nbahaya bagi motor");
        assertThat(submitted.complaint().location().longitude()).isEqualTo(102.2592);
        assertThat(submitted.complaint().confidential()).isFalse();

        // The contact is kept by intake alone, in canonical form.
        UUID complaintId = complaintId(trackingNumber);
        assertThat(Sql.count("select count(*) from intake.reporter_contact where complaint_id = ? and name = ? "
                + "and phone = ? and email = ?", complaintId, "Siti Rahmawati", "+62" + phone.substring(1), email))
                .isEqualTo(1);
    }

    @Test
    void postInJsonWithAnAddressOnly() {
        Response response = given().contentType(FORM)
                .formParam("api_key", KEY).formParam("service_code", "school")
                .formParam("address_string", "Kec. Gading Cempaka, Kota Bengkulu")
                .formParam("description", "Atap ruang kelas SD bocor setiap hujan, murid belajar di lantai basah")
                .post(BASE + "requests.json");
        JsonPath json = json(response);
        assertThat(json.getList("$")).hasSize(1);
        String trackingNumber = json.getString("[0].service_request_id");
        assertThat(trackingNumber).startsWith("ADU-");
        assertThat(json.getString("[0].service_notice")).contains(trackingNumber);
        assertThat(json.getMap("[0]")).containsEntry("account_id", null);
        assertThat(Sql.value("select address from intake.complaint_status where tracking_number = ?", trackingNumber))
                .isEqualTo("Kec. Gading Cempaka, Kota Bengkulu");
        assertThat(Sql.count("select count(*) from intake.reporter_contact where complaint_id = ?",
                complaintId(trackingNumber))).isZero();
    }

    @Test
    void scriptTagsAreStoredWithoutHtmlAndSqlLookingTextIsJustText() {
        String scripted = submit("road", "<script>alert('aduan')</script><b>Jalan</b> berlubang <i>besar</i> di "
                + "Kelurahan Pasar Baru <img src=x onerror=alert(1)>");
        String stored = (String) Sql.value("select description from intake.complaint_status where tracking_number = ?",
                scripted);
        assertThat(stored).isEqualTo("Jalan berlubang besar di Kelurahan Pasar Baru");
        String listed = given().get(BASE + "requests/" + scripted + ".xml").then().statusCode(200).extract().asString();
        assertThat(listed).doesNotContain("<script", "alert", "&lt;", "onerror", "<b>");

        String sql = "Jalan rusak'); DROP TABLE intake.complaint_status; -- di Kota Bengkulu OR 1=1";
        String tracked = submit("other", sql);
        assertThat(Sql.value("select description from intake.complaint_status where tracking_number = ?", tracked))
                .isEqualTo(sql);
        assertThat(json(given().get(BASE + "requests/" + tracked + ".json")).getString("[0].description"))
                .isEqualTo(sql);
    }

    // --- GET requests ---

    @Test
    void routedOpdIsTheAgencyResponsibleAndTheStatusFollowsTheFeed() {
        String trackingNumber = submit("health", "Kartu BPJS gratis saya ditolak di puskesmas Kota Bengkulu");
        UUID complaintId = complaintId(trackingNumber);

        XmlPath before = xml(given().get(BASE + "requests/" + trackingNumber + ".xml"), "service_requests");
        assertThat(before.getString("service_requests.request.status")).isEqualTo("open");
        assertThat(before.getString("service_requests.request.agency_responsible")).isEmpty();

        // The router's decision, as routing-service publishes it.
        OffsetDateTime t0 = OffsetDateTime.now(WIB);
        ComplaintSnapshot snapshot = new ComplaintSnapshot(trackingNumber, Category.HEALTH, "1771",
                "Kartu BPJS gratis saya ditolak di puskesmas Kota Bengkulu", null, null, "open311", t0);
        EventEnvelope routed = EventEnvelope.of(UUID.randomUUID(), complaintId, complaintId, null,
                new ComplaintRouted(snapshot, new RoutingDecision("DINKES-PROV", "Dinas Kesehatan Provinsi Bengkulu",
                        "health-bpjs", "2026.1", "BPJS gratis", 1, null)),
                Clock.fixed(t0.plusSeconds(1).toInstant(), WIB));
        KafkaTopics.send(Topics.COMPLAINTS_ROUTED, routed);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                xml(given().get(BASE + "requests/" + trackingNumber + ".xml"), "service_requests")
                        .getString("service_requests.request.agency_responsible"))
                .isEqualTo("Dinas Kesehatan Provinsi Bengkulu"));
        JsonPath routedJson = json(given().get(BASE + "requests/" + trackingNumber + ".json"));
        assertThat(routedJson.getString("[0].agency_responsible")).isEqualTo("Dinas Kesehatan Provinsi Bengkulu");
        assertThat(routedJson.getString("[0].status")).isEqualTo("open");

        // The OPD answers publicly, then resolves: status_notes is its latest reply, the request is closed.
        EventEnvelope responded = routed.next("respond", new ComplaintStatusChanged(trackingNumber, "DINKES-PROV",
                ComplaintStatus.ROUTED, ComplaintStatus.RESPONDED, ComplaintAction.RESPOND, "staff-1", null,
                "Kami sudah menghubungi puskesmas.", null, null, null),
                Clock.fixed(t0.plusSeconds(60).toInstant(), WIB));
        EventEnvelope resolved = routed.next("resolve", new ComplaintStatusChanged(trackingNumber, "DINKES-PROV",
                ComplaintStatus.RESPONDED, ComplaintStatus.RESOLVED, ComplaintAction.RESOLVE, "staff-1", null,
                "Kartu Anda sudah bisa dipakai lagi.", null, null, null),
                Clock.fixed(t0.plusSeconds(120).toInstant(), WIB));
        KafkaTopics.send(Topics.COMPLAINTS_STATUS, responded);
        KafkaTopics.send(Topics.COMPLAINTS_STATUS, resolved);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                json(given().get(BASE + "requests/" + trackingNumber + ".json")).getString("[0].status"))
                .isEqualTo("closed"));
        XmlPath closed = xml(given().get(BASE + "requests/" + trackingNumber + ".xml"), "service_requests");
        assertThat(closed.getString("service_requests.request.status_notes"))
                .isEqualTo("Kartu Anda sudah bisa dipakai lagi.");
        assertThat(closed.getString("service_requests.request.updated_datetime")).isEqualTo(
                DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").format(resolved.occurredAt()
                        .atZoneSameInstant(WIB)));
        assertThat(closed.getString("service_requests.request.agency_responsible"))
                .isEqualTo("Dinas Kesehatan Provinsi Bengkulu");

        // The status filter sees it as closed, not open.
        assertThat(json(given().get(BASE + "requests.json?status=closed&service_code=health")).getList(
                "service_request_id")).contains(trackingNumber);
        assertThat(json(given().get(BASE + "requests.json?status=open")).getList("service_request_id"))
                .doesNotContain(trackingNumber);
    }

    @Test
    void requestsInXmlAndJsonCarryEveryElementOfTheSpecAndNoPersonalData() {
        String road = submit("road", "Jembatan kayu di Desa Air Sebakul hampir roboh, Kota Bengkulu");
        String school = submit("school", "Guru honorer SMA di Kota Bengkulu belum digaji tiga bulan");

        XmlPath xml = xml(given().get(BASE + "requests.xml"), "service_requests");
        String path = "service_requests.request.find { it.service_request_id == '" + road + "' }";
        assertThat(xml.getString(path + ".status")).isEqualTo("open");
        assertThat(xml.getString(path + ".service_code")).isEqualTo("road");
        assertThat(xml.getString(path + ".service_name")).isEqualTo("Jalan rusak");
        assertThat(xml.getString(path + ".description")).startsWith("Jembatan kayu");
        assertThat(xml.getString(path + ".requested_datetime"))
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+07:00");
        assertThat(xml.getString(path + ".updated_datetime")).endsWith("+07:00");
        assertThat(xml.getDouble(path + ".lat")).isEqualTo(-3.7956);
        assertThat(xml.getDouble(path + ".long")).isEqualTo(102.2592);
        assertThat(xml.getString(path + ".media_url")).isEmpty();
        List<String> elements = xml.getList(path + ".children()*.name()", String.class);
        assertThat(elements).containsExactly("service_request_id", "status", "status_notes", "service_name",
                "service_code", "description", "agency_responsible", "service_notice", "requested_datetime",
                "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long",
                "media_url");
        String all = given().get(BASE + "requests.xml").asString();
        assertThat(all).doesNotContain("Siti", "Rahmawati", "+628", "@example.id", "citizen_token", "reporter");

        JsonPath json = json(given().get(BASE + "requests.json"));
        String find = "find { it.service_request_id == '" + school + "' }";
        assertThat(json.getString(find + ".service_code")).isEqualTo("school");
        assertThat(json.getMap(find)).containsKeys("status_notes", "agency_responsible", "lat", "long", "media_url")
                .doesNotContainKeys("email", "phone", "first_name", "last_name", "name");
        // Newest first.
        List<String> ids = json.getList("service_request_id");
        assertThat(ids.indexOf(school)).isLessThan(ids.indexOf(road));

        // Filters: ids (overriding the rest), service_code, dates, limit.
        assertThat(json(given().get(BASE + "requests.json?service_request_id=" + road + "," + school.toLowerCase()
                + "&service_code=health&start_date=2020-01-01T00:00:00Z&end_date=2020-01-02T00:00:00Z"))
                .getList("service_request_id")).containsExactlyInAnyOrder(road, school);
        assertThat(json(given().get(BASE + "requests.json?service_code=school")).getList("service_code"))
                .contains("school").containsOnly("school");
        String today = OffsetDateTime.now(WIB).minusHours(1).withNano(0).toString();
        assertThat(json(given().queryParam("start_date", today).get(BASE + "requests.json"))
                .getList("service_request_id")).contains(road, school);
        assertThat(json(given().get(BASE
                + "requests.json?start_date=2025-01-01T00:00:00Z&end_date=2025-02-01T00:00:00Z"))
                .getList("service_request_id")).doesNotContain(road, school);
        assertThat(json(given().get(BASE + "requests.json?limit=1")).getList("$")).hasSize(1);
        // An unencoded "+" of the offset arrives as a space: read as the "+" it was.
        assertThat(json(given().urlEncodingEnabled(false)
                .get(BASE + "requests.json?start_date=" + today.replace("+", "%20"))).getList("service_request_id"))
                .contains(road);
    }

    @Test
    void onlyTheLast90DaysByDefaultButAnyByItsId() {
        String old = TrackingNumbers.next();
        Sql.execute("insert into intake.complaint_status (complaint_id, tracking_number, category, region_code, status,"
                + " submitted_at, status_at, confirmed, description) values (?, ?, 'road', '1771', 'ROUTED',"
                + " now() - interval '100 days', now() - interval '100 days', true, 'Jalan lama rusak')",
                UUID.randomUUID(), old);
        assertThat(json(given().get(BASE + "requests.json")).getList("service_request_id")).doesNotContain(old);
        assertThat(json(given().get(BASE + "requests.json?service_request_id=" + old))
                .getList("service_request_id")).containsExactly(old);
        assertThat(xml(given().get(BASE + "requests/" + old), "service_requests")
                .getString("service_requests.request.description")).isEqualTo("Jalan lama rusak");
    }

    /** Words XML cannot carry (from any door, or an OPD) never break a listing. */
    @Test
    void charactersXmlCannotCarryAreReplacedNotFatal() {
        String odd = TrackingNumbers.next();
        Sql.execute("insert into intake.complaint_status (complaint_id, tracking_number, category, region_code, status,"
                + " submitted_at, status_at, confirmed, description) values (?, ?, 'other', '1771', 'ROUTED',"
                + " now(), now(), true, ?)", UUID.randomUUID(), odd, "Lampu\u0001 jalan\uFFFF mati");
        assertThat(xml(given().get(BASE + "requests/" + odd + ".xml"), "service_requests")
                .getString("service_requests.request.description")).isEqualTo("Lampu\uFFFD jalan\uFFFD mati");
        assertThat(xml(given().get(BASE + "requests.xml?service_code=other"), "service_requests")
                .getList("service_requests.request.service_request_id")).contains(odd);
        assertThat(json(given().get(BASE + "requests/" + odd + ".json")).getString("[0].description"))
                .isEqualTo("Lampu\u0001 jalan\uFFFF mati");
    }

    @Test
    void openApiDescribesTheOpen311Resources() {
        JsonPath openapi = new JsonPath(given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
        Map<String, Object> paths = openapi.getMap("paths");
        assertThat(paths.keySet()).anyMatch(path -> path.startsWith("/open311/v2/requests"))
                .anyMatch(path -> path.startsWith("/open311/v2/services/"))
                .anyMatch(path -> path.startsWith("/open311/v2/discovery"))
                .noneMatch(path -> path.contains("unknown"));
        assertThat(openapi.getMap("components.schemas")).containsKeys("Open311ServiceRequest", "Open311RequestForm",
                "Open311Error");
    }

    @Test
    void rahasiaAndUnconfirmedComplaintsNeverAppear() {
        String secret = given().contentType("application/json")
                .body("{\"category\":\"health\",\"description\":\"Petugas puskesmas meminta uang untuk layanan BPJS "
                        + "gratis\",\"region\":\"1771\",\"confidential\":true}")
                .post("/api/v1/complaints").then().statusCode(202).extract().path("trackingNumber");
        String unconfirmed = TrackingNumbers.next();
        Sql.execute("insert into intake.complaint_status (complaint_id, tracking_number, category, region_code, status,"
                + " submitted_at, status_at, confirmed, description) values (?, ?, 'road', '1771', 'SUBMITTED',"
                + " now(), now(), false, 'Belum terkonfirmasi')", UUID.randomUUID(), unconfirmed);
        String visible = submit("health", "Obat di puskesmas Kota Bengkulu habis sejak dua minggu");

        for (String hidden : List.of(secret, unconfirmed)) {
            xmlError(given().get(BASE + "requests/" + hidden + ".xml"), 404);
            jsonError(given().get(BASE + "requests/" + hidden + ".json"), 404);
            assertThat(xml(given().get(BASE + "requests.xml?service_request_id=" + hidden), "service_requests")
                    .getInt("service_requests.request.size()")).isZero();
        }
        String listedXml = given().get(BASE + "requests.xml?service_code=health").then().statusCode(200)
                .extract().asString();
        String listedJson = given().get(BASE + "requests.json").then().statusCode(200).extract().asString();
        assertThat(listedXml).contains(visible).doesNotContain(secret, "meminta uang");
        assertThat(listedJson).contains(visible).doesNotContain(secret, unconfirmed, "meminta uang");
        assertThat(given().get(BASE + "requests.xml?service_request_id=" + secret + "," + visible).asString())
                .contains(visible).doesNotContain(secret);
    }

    // --- Errors ---

    @Test
    void errorsAreInTheSpecFormatAndInEnglishOnRequest() {
        Response forbidden = given().contentType(FORM).formParam("api_key", "salah").post(BASE + "requests.xml");
        XmlPath xml = xmlError(forbidden, 403);
        assertThat(xml.getString("errors.error[0].description")).startsWith("api_key tidak ada");
        assertThat(forbidden.header("Content-Language")).isEqualTo("id");

        Response english = given().header("Accept-Language", "en-GB,en;q=0.8").contentType(FORM)
                .formParam("api_key", KEY).post(BASE + "requests.json");
        JsonPath json = jsonError(english, 400);
        assertThat(english.header("Content-Language")).startsWith("en");
        // Every missing field at once.
        assertThat(json.getList("description", String.class)).contains("service_code is required.",
                "description is required.", "A location is required: send lat and long, or address_string.");

        jsonError(given().get(BASE + "nothing-here.json"), 404);
        xmlError(given().get(BASE + "requests.html"), 400);
        // A method a resource does not have is 405 with Allow; an unknown resource stays 404.
        assertThat(xmlError(given().delete(BASE + "requests.xml"), 405).getString("errors.error.code"))
                .isEqualTo("405");
        given().delete(BASE + "requests.xml").then().header("Allow", "GET, POST");
        jsonError(given().post(BASE + "services.json"), 405);
        given().post(BASE + "services.json").then().header("Allow", "GET");
        jsonError(given().put(BASE + "requests/ADU-0000-0000-0000-0000.json"), 405);
        xmlError(given().delete(BASE + "nothing/at/all"), 404);
        xmlError(given().post(BASE + "tokens/123.xml"), 404);
    }

    // --- Helpers ---

    /** Submits a complaint located in Kota Bengkulu; returns its tracking number. */
    static String submit(String serviceCode, String description) {
        return given().contentType(FORM).formParam("api_key", KEY).formParam("service_code", serviceCode)
                .formParam("lat", "-3.7956").formParam("long", "102.2592").formParam("description", description)
                .post(BASE + "requests.json").then().statusCode(200).extract().path("[0].service_request_id");
    }

    static UUID complaintId(String trackingNumber) {
        return (UUID) Sql.value("select complaint_id from intake.complaint_status where tracking_number = ?",
                trackingNumber);
    }

    /** A 200 XML answer with the spec's declaration and root element (XmlPath itself ignores the root's name). */
    static XmlPath xml(Response response, String root) {
        response.then().statusCode(200).contentType(startsWith("text/xml")).header("Content-Type",
                containsString("charset=utf-8"));
        String body = response.asString();
        assertThat(body).startsWith("<?xml version='1.0' encoding='UTF-8'?><" + root)
                .matches("(?s)<\\?xml[^>]*\\?><" + root + "(>.*</" + root + ">|/>)");
        return new XmlPath(body);
    }

    static JsonPath json(Response response) {
        response.then().statusCode(200).contentType(startsWith("application/json"));
        return new JsonPath(response.asString());
    }

    /** The spec's XML error answer, with the HTTP status as each error's code and a description for people. */
    static XmlPath xmlError(Response response, int status) {
        return xmlError(response.statusCode(), response.contentType(), response.asString(), status);
    }

    static XmlPath xmlError(int actualStatus, String contentType, String body, int status) {
        assertThat(actualStatus).as(body).isEqualTo(status);
        assertThat(contentType).startsWith("text/xml");
        assertThat(body).startsWith("<?xml version='1.0' encoding='UTF-8'?><errors><error><code>");
        XmlPath xml = new XmlPath(body);
        assertThat(xml.getInt("errors.error.size()")).isPositive();
        assertThat(xml.getList("errors.error.code", Integer.class)).containsOnly(status);
        assertThat(xml.getList("errors.error.description", String.class)).allSatisfy(d -> assertThat(d).isNotBlank());
        return xml;
    }

    /** The spec's JSON error answer: an array of {code, description}. */
    static JsonPath jsonError(Response response, int status) {
        return jsonError(response.statusCode(), response.contentType(), response.asString(), status);
    }

    static JsonPath jsonError(int actualStatus, String contentType, String body, int status) {
        assertThat(actualStatus).as(body).isEqualTo(status);
        assertThat(contentType).startsWith("application/json");
        JsonPath json = new JsonPath(body);
        assertThat(json.getList("$")).isNotEmpty();
        assertThat(json.getList("code", Integer.class)).containsOnly(status);
        assertThat(json.getList("description", String.class)).allSatisfy(d -> assertThat(d).isNotBlank());
        assertThat(json.getList("$", Map.class)).allSatisfy(error -> assertThat(error).containsOnlyKeys("code",
                "description"));
        return json;
    }
}
