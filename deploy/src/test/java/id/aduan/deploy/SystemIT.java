package id.aduan.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The whole system, started the way ./aduan up starts it, used over HTTP the way its users use it. */
class SystemIT {

    private final Stack stack = TestStack.get();

    @Test
    void complaintsFlowFromIntakeThroughRoutingIntoTheInboxAndTheSlaMonitor() {
        Map<String, String> expectedOpd = new LinkedHashMap<>();
        Map<String, Instant> sentAt = new LinkedHashMap<>();
        String[][] complaints = {
            {"road", "1701", "DPUPR-PROV"}, {"road", "Kota Bengkulu", "DPUPR-PROV"},
            {"school", "1708", "DIKBUD-PROV"}, {"school", "rejang", "DIKBUD-PROV"},
            {"health", "1771", "DINKES-PROV"}, {"health", "Kab. Kaur", "DINKES-PROV"},
            {"other", "1709", "TRIAGE"}, {"other", "mukomuko", "TRIAGE"}};
        for (String[] c : complaints) {
            Instant t0 = Instant.now();
            String tracking = given().baseUri(stack.url(Service.INTAKE)).contentType(ContentType.JSON)
                    .body(Map.of("category", c[0], "region", c[1],
                            "description", "Uji sistem: " + c[0] + " di " + c[1] + ", mohon ditindaklanjuti.",
                            "reporter", Map.of("name", REPORTER, "phone", "0" + PHONE_DIGITS)))
                    .post("/api/v1/complaints")
                    .then().statusCode(202).extract().path("trackingNumber");
            expectedOpd.put(tracking, c[2]);
            sentAt.put(tracking, t0);
        }

        String governor = Tokens.of(stack, "gubernur");
        List<Long> latencies = new ArrayList<>();
        expectedOpd.forEach((tracking, opd) -> {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                    given().baseUri(stack.url(Service.INBOX)).auth().oauth2(governor).queryParam("opd", opd)
                            .queryParam("limit", 200)
                            .get("/api/v1/inbox/complaints")
                            .then().statusCode(200).body("items.trackingNumber", hasItem(tracking)));
            latencies.add(Duration.between(sentAt.get(tracking), Instant.now()).toMillis());
        });
        System.out.println("Submission to inbox list, as polled by this test (ms): " + latencies);

        expectedOpd.forEach((tracking, opd) -> {
            // The citizen's status page follows the routing.
            given().baseUri(stack.url(Service.INTAKE)).get("/api/v1/complaints/" + tracking)
                    .then().statusCode(200).body("status", equalTo("ROUTED")).body("opdCode", equalTo(opd));
            // The SLA monitor keeps a clock for it: 5 working days of office time from routing (the arithmetic has
            // its own unit tests): at least 4 days on, within a weekday's office hours in Bengkulu.
            String id = given().baseUri(stack.url(Service.INBOX)).auth().oauth2(governor).queryParam("opd", opd)
                    .queryParam("limit", 200).get("/api/v1/inbox/complaints").jsonPath()
                    .getString("items.find { it.trackingNumber == '" + tracking + "' }.id");
            String routedAt = given().baseUri(stack.url(Service.INBOX)).auth().oauth2(governor)
                    .get("/api/v1/inbox/complaints/" + id)
                    .then().statusCode(200).body(not(containsString(REPORTER)))
                    .body(not(containsString(PHONE_DIGITS))).extract().path("routing.routedAt");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                String deadline = given().baseUri(stack.url(Service.SLA)).auth().oauth2(governor)
                        .get("/api/v1/sla/clocks/" + id)
                        .then().statusCode(200).body("opdCode", equalTo(opd)).body("overdue", equalTo(false))
                        .extract().path("deadline");
                java.time.ZonedDateTime due = OffsetDateTime.parse(deadline).atZoneSameInstant(
                        java.time.ZoneId.of("Asia/Jakarta"));
                assertThat(due.toInstant()).isAfter(OffsetDateTime.parse(routedAt).plusDays(4).toInstant())
                        .isBefore(OffsetDateTime.parse(routedAt).plusDays(30).toInstant());
                assertThat(due.getDayOfWeek().getValue()).isLessThanOrEqualTo(5);
                assertThat(due.toLocalTime()).isBetween(java.time.LocalTime.of(7, 30), java.time.LocalTime.of(16, 30));
            });
        });

        // Personal data never reached the inbox.
        assertThat(TestStack.count("select count(*) from inbox.complaint where description like '%Warga Uji%'"))
                .isZero();
        // It was sent and is kept where it belongs (intake, which shows it only to the OPD's staff)...
        assertThat(TestStack.count("select count(*) from intake.reporter_contact where name = ?", REPORTER))
                .isGreaterThanOrEqualTo(complaints.length);
        // ...and, every event of these complaints being handled by now (inbox rows, clocks), it is nowhere else:
        // no other service's table, no event on any topic.
        assertThat(rowsOutsideIntakeWith(REPORTER, PHONE_DIGITS)).isEmpty();
        assertThat(recordsWith(REPORTER, PHONE_DIGITS)).isEmpty();
    }

    private static final String REPORTER = "Warga Uji";
    /** The phone number without its prefix: found however it was written (0812..., +62812...). */
    private static final String PHONE_DIGITS = "81200000001";

    /** Rows of the inbox, routing and SLA schemas whose text holds any of the words, by table. */
    private Map<String, Long> rowsOutsideIntakeWith(String... words) {
        Map<String, Long> found = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), "postgres", "");
                Statement statement = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select table_schema || '.' || table_name from"
                    + " information_schema.tables where table_schema in ('inbox', 'routing', 'sla')"
                    + " and table_type = 'BASE TABLE'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            assertThat(tables).as("tables of the other services").isNotEmpty();
            for (String table : tables) {
                for (String word : words) {
                    long n = TestStack.count("select count(*) from " + table + " t where t::text like ?",
                            "%" + word + "%");
                    if (n > 0) {
                        found.put(table + " " + word, n);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    /** Records on every aduan topic, read to their end offsets, that hold any of the words, by topic. */
    private Map<String, Long> recordsWith(String... words) {
        Map<String, Long> found = new LinkedHashMap<>();
        long read = TestStack.drain(topic -> topic.startsWith("aduan."), record -> {
            for (String word : words) {
                if (record.value() != null && record.value().contains(word)
                        || record.key() != null && record.key().contains(word)) {
                    found.merge(record.topic() + " " + word, 1L, Long::sum);
                }
            }
        });
        assertThat(read).as("records read on the aduan topics").isPositive();
        return found;
    }

    @Test
    void whatIntakeReadsInTheWordsIsRoutedAndWhatItCannotReadGoesToTriage() {
        String governor = Tokens.of(stack, "gubernur");
        // No category, no region field: both are read from an informal text.
        String read = given().baseUri(stack.url(Service.INTAKE)).contentType(ContentType.JSON)
                .body(Map.of("description", "jln di kepahiang berlubang parah bgt, motor sy jatuh kmrn"))
                .post("/api/v1/complaints").then().statusCode(202).extract().path("trackingNumber");
        // A text that says nothing about what is wrong: a person decides.
        String unclear = given().baseUri(stack.url(Service.INTAKE)).contentType(ContentType.JSON)
                .body(Map.of("description", "tolong segera ditindaklanjuti pak, sudah lama", "region", "1771"))
                .post("/api/v1/complaints").then().statusCode(202).extract().path("trackingNumber");
        // The web form, as a browser without JavaScript sends it.
        String page = given().baseUri(stack.url(Service.INTAKE))
                .multiPart("key", java.util.UUID.randomUUID().toString()).multiPart("category", "school")
                .multiPart("description", "Guru SMA sering tidak masuk kelas").multiPart("region", "1702")
                .post("/").then().statusCode(200).extract().asString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"tracking-number\">([A-Z0-9-]+)<")
                .matcher(page);
        assertThat(m.find()).isTrue();
        String fromForm = m.group(1);

        Map<String, String> expected = Map.of(read, "DPUPR-PROV", unclear, "TRIAGE", fromForm, "DIKBUD-PROV");
        expected.forEach((tracking, opd) -> await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().baseUri(stack.url(Service.INTAKE)).get("/api/v1/complaints/" + tracking)
                        .then().statusCode(200).body("status", equalTo("ROUTED")).body("opdCode", equalTo(opd))));
        String id = given().baseUri(stack.url(Service.INBOX)).auth().oauth2(governor).queryParam("opd", "TRIAGE")
                .queryParam("limit", 200).get("/api/v1/inbox/complaints").jsonPath()
                .getString("items.find { it.trackingNumber == '" + unclear + "' }.id");
        given().baseUri(stack.url(Service.INBOX)).auth().oauth2(governor).get("/api/v1/inbox/complaints/" + id)
                .then().statusCode(200)
                .body("routing.ruleId", equalTo("triage-unclear"))
                .body("triageReasons", hasItem("category-unclear"));
        given().baseUri(stack.url(Service.INTAKE)).get("/lacak/" + fromForm).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Diteruskan ke OPD"));
    }

    @Test
    void anOpen311RequestShowsTheOpdTheRouterChose() {
        String id = given().baseUri(stack.url(Service.INTAKE)).contentType("application/x-www-form-urlencoded")
                .formParam("api_key", TestStack.OPEN311_KEY).formParam("service_code", "health")
                .formParam("lat", "-3.7956").formParam("long", "102.2592")
                .formParam("description", "Obat di puskesmas habis sejak minggu lalu")
                .formParam("email", "warga@example.id")
                .post("/open311/v2/requests.json")
                .then().statusCode(200).extract().path("[0].service_request_id");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().baseUri(stack.url(Service.INTAKE)).get("/open311/v2/requests/" + id + ".xml")
                        .then().statusCode(200)
                        .body("service_requests.request.service_request_id", equalTo(id))
                        .body("service_requests.request.service_code", equalTo("health"))
                        .body("service_requests.request.status", equalTo("open"))
                        .body("service_requests.request.agency_responsible",
                                equalTo("Dinas Kesehatan Kota Bengkulu"))
                        .body("service_requests.request.requested_datetime",
                                org.hamcrest.Matchers.endsWith("+07:00")));
        given().baseUri(stack.url(Service.INTAKE)).get("/open311/v2/requests/" + id + ".json")
                .then().statusCode(200).body("[0].agency_responsible", equalTo("Dinas Kesehatan Kota Bengkulu"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("warga@example.id")));
    }

    @Test
    void badInputIsAProblemAndReachesNobody() {
        String marker = "penanda-" + java.util.UUID.randomUUID();
        given().baseUri(stack.url(Service.INTAKE)).contentType(ContentType.JSON).body("{\"category\":")
                .post("/api/v1/complaints").then().statusCode(400).contentType("application/problem+json");
        given().baseUri(stack.url(Service.INTAKE)).contentType(ContentType.JSON)
                .body("{\"category\":\"road\",\"region\":\"Atlantis\",\"description\":\"Jalan rusak " + marker + "\"}")
                .post("/api/v1/complaints").then().statusCode(400)
                .body("errors.field", hasItem("region"));
        given().baseUri(stack.url(Service.INTAKE)).get("/api/v1/complaints/ADU-0000-0000-0000-0000")
                .then().statusCode(404).contentType("application/problem+json");
        // Intake answers a complaint only once the broker has it, so what it refused is not on the topic now, nor
        // later: nothing downstream can have it.
        assertThat(recordsWith(marker)).isEmpty();
        assertThat(TestStack.count("select count(*) from inbox.complaint where description like ?",
                "%" + marker + "%")).isZero();
    }

    @Test
    void staffOfOneOpdSeeItsComplaintsAndNeverAnotherOpds() {
        String tracking = given().baseUri(stack.url(Service.INTAKE)).contentType(ContentType.JSON)
                .body(Map.of("category", "health", "region", "1771", "description", "BPJS gratis ditolak di RSUD"))
                .post("/api/v1/complaints").then().statusCode(202).extract().path("trackingNumber");
        String dinkes = Tokens.of(stack, "staf.dinkes");
        String pupr = Tokens.of(stack, "staf.pupr");
        String id = await().atMost(Duration.ofSeconds(30)).until(() -> given().baseUri(stack.url(Service.INBOX))
                .auth().oauth2(dinkes).queryParam("limit", 200).get("/api/v1/inbox/complaints").jsonPath()
                .getString("items.find { it.trackingNumber == '" + tracking + "' }.id"), java.util.Objects::nonNull);

        given().baseUri(stack.url(Service.INBOX)).auth().oauth2(dinkes).get("/api/v1/inbox/complaints/" + id)
                .then().statusCode(200).body("routing.opdCode", equalTo("DINKES-PROV"));
        given().baseUri(stack.url(Service.INBOX)).auth().oauth2(pupr).get("/api/v1/inbox/complaints/" + id)
                .then().statusCode(404);
        given().baseUri(stack.url(Service.INBOX)).auth().oauth2(pupr).queryParam("limit", 200)
                .get("/api/v1/inbox/complaints").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(tracking)));
        given().baseUri(stack.url(Service.INBOX)).get("/api/v1/inbox/complaints").then().statusCode(401);
    }

    @Test
    void everyServiceIsHealthyAndDocumented() {
        for (Service s : Service.values()) {
            given().baseUri(stack.url(s)).get("/q/health/ready").then().statusCode(200);
            given().baseUri(stack.url(s)).get("/q/health/live").then().statusCode(200);
            given().baseUri(stack.url(s)).get("/q/metrics").then().statusCode(200);
            given().baseUri(stack.url(s)).accept("application/json").get("/q/openapi").then().statusCode(200);
        }
    }
}
