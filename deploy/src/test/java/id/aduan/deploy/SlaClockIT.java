package id.aduan.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Deadlines on the running system, deterministically: every service's clock is set to chosen instants of October
 * 2026 (a month without holidays), two complaints about BPJS go through intake, routing and the inbox, and what the
 * OPD sees, and the governor's ranking, match office time worked out by hand.
 */
class SlaClockIT {

    private final Stack stack = TestStack.get();
    private final String admin = Tokens.of(stack, "admin.aduan");

    @AfterEach
    void realTime() {
        for (Service s : Service.values()) {
            given().baseUri(stack.url(s)).auth().oauth2(admin).delete("/api/v1/admin/clock").then().statusCode(200);
        }
    }

    @Test
    void warningsBreachesEscalationAndTheRankingFollowOfficeTime() {
        String governor = Tokens.of(stack, "gubernur");
        String staff = Tokens.of(stack, "staf.dinkes");
        String marker = "ujijam" + UUID.randomUUID().toString().substring(0, 8).replaceAll("[0-9-]", "x");

        // Monday 5 October 2026, 09:00 WIB: two complaints about free BPJS, both for Dinas Kesehatan.
        everyClockTo("2026-10-05T09:00:00+07:00");
        String late = complaint(governor, "Kartu BPJS gratis saya ditolak rumah sakit", marker + "satu");
        String answered = complaint(governor, "Kartu BPJS gratis ibu saya ditolak puskesmas", marker + "dua");
        for (String id : List.of(late, answered)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> sla(governor).get("/api/v1/sla/clocks/" + id)
                    .then().statusCode(200).body("opdCode", equalTo("DINKES-PROV")));
        }
        // 5 working days (37.5 office hours) from Monday 09:00: Monday 12 October 09:00 (to the minute: the system
        // took a few seconds).
        OffsetDateTime deadline = OffsetDateTime.parse(sla(governor).get("/api/v1/sla/clocks/" + late)
                .path("deadline"));
        assertThat(deadline.truncatedTo(ChronoUnit.MINUTES)).isEqualTo(OffsetDateTime.parse("2026-10-12T09:00+07:00"));

        // Tuesday 10:00 staff acknowledge one (first answer after 8.5 office hours); Wednesday 10:00 they resolve it.
        clockTo(Service.INBOX, "2026-10-06T10:00:00+07:00");
        inbox(staff).contentType(ContentType.JSON).body("{\"message\":\"Laporan kami terima\"}")
                .post("/api/v1/inbox/complaints/" + answered + "/acknowledge").then().statusCode(200);
        clockTo(Service.INBOX, "2026-10-07T10:00:00+07:00");
        inbox(staff).contentType(ContentType.JSON).body("{\"message\":\"Sudah diselesaikan\"}")
                .post("/api/v1/inbox/complaints/" + answered + "/resolve").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> sla(governor)
                .get("/api/v1/sla/clocks/" + answered).then().body("state", equalTo("STOPPED")));

        // The other is never answered. Half the first-response time is used on Tuesday 13:45.
        clockTo(Service.SLA, "2026-10-06T13:50:00+07:00");
        awaitFlag(governor, late, "FIRST_RESPONSE_50");
        // Wednesday 13:50: 75% of the first-response time (10:52:30) and half the resolution time (13:45) passed.
        clockTo(Service.SLA, "2026-10-07T13:50:00+07:00");
        awaitFlag(governor, late, "RESOLUTION_50");
        // Monday 12 October 09:05: the first-response deadline (Thursday 09:00), 75% (Thursday 15:37:30) and the
        // resolution deadline (09:00) passed: the OPD's head is told, and it is overdue.
        clockTo(Service.SLA, "2026-10-12T09:05:00+07:00");
        awaitFlag(governor, late, "RESOLUTION_BREACHED");
        inbox(governor).get("/api/v1/inbox/complaints/" + late).then().body("deadline.breachedAt", notNullValue());
        sla(staff).get("/api/v1/sla/overdue").then().statusCode(200).body("complaintId", hasItem(late));
        // Still open 2 working days later, Wednesday 14 October 09:00: the governor's office.
        clockTo(Service.SLA, "2026-10-14T09:05:00+07:00");
        awaitFlag(governor, late, "ESCALATED_GOVERNOR");
        // The answered one never warned.
        inbox(governor).get("/api/v1/inbox/complaints/" + answered).then().body("deadline.flag", equalTo(null));

        // The 30 days ending Monday 12 October, for Dinas Kesehatan: 2 received; first responses 1 of 2 on time
        // (the answered one on Tuesday, the other late on Thursday); resolutions 1 of 2 (Wednesday; the other late
        // on Monday); median and p90 first response 8.5 working hours; 1 open overdue; no rating. Score
        // (40 × 50 + 40 × 50) ÷ 80 = 50.0, with 4 outcomes: below the minimum of 10, listed apart.
        sla(governor).post("/api/v1/rankings/daily/2026-10-12").then().statusCode(200);
        JsonPath ranking = sla(governor).queryParam("date", "2026-10-12").get("/api/v1/rankings/daily").jsonPath();
        Map<String, Object> dinkes = ranking.getMap("last30Days.find { it.opdCode == 'DINKES-PROV' }");
        assertThat(dinkes).containsEntry("received", 2).containsEntry("firstResponseOutcomes", 2)
                .containsEntry("firstResponseOnTimePct", 50.0f).containsEntry("resolutionOutcomes", 2)
                .containsEntry("resolvedOnTimePct", 50.0f).containsEntry("openOverdue", 1)
                .containsEntry("ratings", 0).containsEntry("score", 50.0f).containsEntry("rank", null);
        // Routing took a few seconds after 09:00, and office time is kept in whole minutes.
        assertThat((Float) dinkes.get("medianFirstResponseHours")).isBetween(8.45f, 8.5f);
        assertThat(dinkes.get("p90FirstResponseHours")).isEqualTo(dinkes.get("medianFirstResponseHours"));
    }

    /** Submits a complaint through intake; its id once the inbox has it (found by a word of its own). */
    private String complaint(String governor, String text, String word) {
        given().baseUri(stack.url(Service.INTAKE)).contentType(ContentType.JSON)
                .body(Map.of("category", "health", "region", "1771", "description", text + " " + word))
                .post("/api/v1/complaints").then().statusCode(202);
        return await().atMost(Duration.ofSeconds(30)).until(() -> inbox(governor).queryParam("q", word)
                .get("/api/v1/inbox/complaints").jsonPath().getString("items[0].id"), Objects::nonNull);
    }

    private void awaitFlag(String governor, String id, String flag) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> inbox(governor)
                .get("/api/v1/inbox/complaints/" + id).then().body("deadline.flag", equalTo(flag)));
    }

    private void everyClockTo(String at) {
        for (Service s : Service.values()) {
            clockTo(s, at);
        }
    }

    private void clockTo(Service service, String at) {
        given().baseUri(stack.url(service)).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("at", at)).put("/api/v1/admin/clock").then().statusCode(200);
    }

    private RequestSpecification inbox(String token) {
        return given().baseUri(stack.url(Service.INBOX)).auth().oauth2(token);
    }

    private RequestSpecification sla(String token) {
        return given().baseUri(stack.url(Service.SLA)).auth().oauth2(token);
    }
}
