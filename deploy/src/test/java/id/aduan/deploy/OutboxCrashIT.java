package id.aduan.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of opd-inbox between an action's commit and its publication (its relay held back for the test), then a
 * restart: the action's event arrives downstream exactly once.
 */
class OutboxCrashIT {

    private final Stack stack = TestStack.get();

    @Test
    void anActionCommittedBeforeACrashIsPublishedAfterItExactlyOnce() {
        String tracking = given().baseUri(stack.url(Service.INTAKE)).contentType(ContentType.JSON)
                .body(Map.of("category", "road", "region", "1702", "description", "Jalan longsor di Curup"))
                .post("/api/v1/complaints").then().statusCode(202).extract().path("trackingNumber");
        String pupr = Tokens.of(stack, "staf.pupr");
        String id = await().atMost(Duration.ofSeconds(30)).until(() -> given().baseUri(stack.url(Service.INBOX))
                .auth().oauth2(pupr).queryParam("q", tracking).get("/api/v1/inbox/complaints").jsonPath()
                .getString("items[0].id"), Objects::nonNull);

        stack.restart(Service.INBOX, Map.of("ADUAN_OUTBOX_RELAY_ENABLED", "false"));
        given().baseUri(stack.url(Service.INBOX)).auth().oauth2(pupr).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/inbox/complaints/" + id + "/acknowledge").then().statusCode(200);
        assertThat(TestStack.count("select count(*) from inbox.outbox_event where event_key = ? and sent_at is null",
                id)).isEqualTo(1);
        assertThat(statusEvents(id)).isZero();

        stack.kill(Service.INBOX);
        stack.restart(Service.INBOX);

        await().atMost(Duration.ofSeconds(30)).until(() -> statusEvents(id) == 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(stack.url(Service.INTAKE))
                .get("/api/v1/complaints/" + tracking).then().body("status", equalTo("ACKNOWLEDGED")));
        // Once the row is marked sent the relay sends it no more: then the topic's count is final.
        await().atMost(Duration.ofSeconds(30)).until(() -> TestStack.count(
                "select count(*) from inbox.outbox_event where event_key = ? and sent_at is null", id) == 0);
        assertThat(statusEvents(id)).isEqualTo(1);
    }

    /** ComplaintStatusChanged records of the complaint on its topic. */
    private long statusEvents(String complaintId) {
        long[] count = {0};
        TestStack.drain("aduan.complaints.status"::equals, record -> {
            if (complaintId.equals(record.key())) {
                count[0]++;
            }
        });
        return count[0];
    }

}
