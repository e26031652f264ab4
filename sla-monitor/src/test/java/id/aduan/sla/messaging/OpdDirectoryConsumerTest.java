package id.aduan.sla.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.aduan.events.EventEnvelope;
import id.aduan.events.OpdMerged;
import id.aduan.events.Topics;
import id.aduan.testing.KafkaTopics;
import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.Sql;
import id.aduan.testing.TestOidc;
import id.aduan.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * OPD mergers from the real directory topic into the real database: from the merger's day the ranking counts the
 * merged OPDs' complaints, open or closed, under the successor; before it, under their own names.
 */
@QuarkusTest
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
@WithTestResource(TestOidc.class)
class OpdDirectoryConsumerTest {

    @Test
    void fromTheMergersDayTheRankingCountsTheMergedOpdsUnderTheirSuccessor() {
        String suffix = UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        String p = "MRG-P-" + suffix;
        String q = "MRG-Q-" + suffix;
        String r = "MRG-R-" + suffix;
        // Tuesday 18 August 2026: three complaints each, answered on time; one of P's resolved.
        for (int i = 0; i < 3; i++) {
            clock(p, i, i == 0);
            clock(q, i, false);
        }
        EventEnvelope merger = EventEnvelope.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null,
                new OpdMerged(List.of(p, q), r, "Dinas Gabungan " + suffix, null, LocalDate.parse("2026-08-19"),
                        "digabung", "admin"), Clock.fixed(OffsetDateTime.parse("2026-08-19T00:00:05+07:00")
                        .toInstant(), ZoneOffset.ofHours(7)));
        KafkaTopics.send(Topics.OPD_DIRECTORY, merger);
        KafkaTopics.send(Topics.OPD_DIRECTORY, merger); // a redelivery
        await().atMost(Duration.ofSeconds(20)).until(() -> Sql.count(
                "select count(*) from sla.opd_succession where into_code = ?", r) == 2);
        assertThat(Sql.count("select count(*) from sla.processed_event where event_id = ?", merger.eventId()))
                .isEqualTo(1);

        // The day before: each under its own name.
        JsonPath before = ranking("2026-08-18");
        assertThat(row(before, "lastDay", p)).containsEntry("received", 3).containsEntry("firstResponseOutcomes", 3);
        assertThat(row(before, "lastDay", q)).containsEntry("received", 3);
        assertThat(before.getList("lastDay.opdCode")).doesNotContain(r);

        // From the merger's day: one row, the successor's, with all six and its name.
        JsonPath after = ranking("2026-08-19");
        assertThat(row(after, "last30Days", r)).containsEntry("received", 6).containsEntry("firstResponseOutcomes", 6)
                .containsEntry("opdName", "Dinas Gabungan " + suffix);
        assertThat(after.getList("last30Days.opdCode")).doesNotContain(p, q);
    }

    @Test
    void aMergerWithoutItsOpdsGoesToTheDeadLetterTopic() {
        EventEnvelope broken = EventEnvelope.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null,
                new OpdMerged(List.of(), "MRG-X", "X", null, LocalDate.parse("2026-08-19"), "rusak", "admin"),
                Clock.systemUTC());
        KafkaTopics.send(Topics.OPD_DIRECTORY, broken);
        assertThat(KafkaTopics.settled(Topics.deadLetter("sla-monitor"), rec -> new String(rec.value(),
                StandardCharsets.UTF_8).contains(broken.eventId().toString()), 1, Duration.ofSeconds(20))).hasSize(1);
    }

    private static JsonPath ranking(String day) {
        return given().auth().oauth2(TestTokens.token("gubernur", null, "governor")).queryParam("date", day)
                .get("/api/v1/rankings/daily").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> row(JsonPath ranking, String period, String opd) {
        List<Map<String, Object>> rows = ranking.getList(period);
        return rows.stream().filter(row -> opd.equals(row.get("opdCode"))).findFirst().orElseThrow();
    }

    private static void clock(String opd, int i, boolean resolved) {
        OffsetDateTime started = OffsetDateTime.parse("2026-08-18T08:00:00+07:00").plusMinutes(10L * i);
        Sql.execute("insert into sla.sla_clock (complaint_id, tracking_number, opd_code, opd_name, category,"
                        + " region_code, started_at, opd_since, deadline, status, status_at, stopped_at,"
                        + " first_response_deadline, first_response_at, first_response_minutes, resolution_minutes)"
                        + " values (?, 'ADU-MRGR-MRGR-MRGR-MRGR', ?, ?, 'health', '1771', ?, ?, ?, ?, ?, ?, ?, ?, 30,"
                        + " 2250)",
                UUID.randomUUID(), opd, "Dinas " + opd, started, started, started.plusDays(7),
                resolved ? "RESOLVED" : "ACKNOWLEDGED", started, resolved ? started.plusHours(3) : null,
                started.plusDays(3), started.plusMinutes(30));
    }
}
