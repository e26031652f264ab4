package id.aduan.intake.rest.webhook;

import static id.aduan.intake.rest.webhook.ChatWebhooks.bigId;
import static id.aduan.intake.rest.webhook.ChatWebhooks.payload;
import static id.aduan.intake.rest.webhook.ChatWebhooks.quote;
import static id.aduan.intake.rest.webhook.ChatWebhooks.submitted;
import static id.aduan.intake.rest.webhook.ChatWebhooks.telegramText;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.events.ComplaintSnapshot;
import id.aduan.events.Topics;
import id.aduan.testing.KafkaTopics;
import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.Sql;
import id.aduan.testing.TestOidc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What an attacker, a broken client or an unexpected Telegram update may send with the right secret: it gets 200
 * (acknowledged and ignored) or 4xx problem details, never a 500, and never makes a complaint. Where a complaint
 * is legitimately made from odd text, the text is cleaned.
 */
@QuarkusTest
@WithTestResource(TestOidc.class)
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
@WithTestResource(FakeChatPlatforms.class)
class TelegramHostileInputTest {

    /** Digits every refused case's complaint text carries (plus the case's number). */
    private static final String RUN = ChatWebhooks.marker();
    private static final AtomicInteger CASES = new AtomicInteger();

    private static String complaint(String marker) {
        return "Jalan berlubang besar di Kota Bengkulu dekat pasar, bahaya untuk motor. Laporan " + marker;
    }

    /** An update shaped like Telegram's, with this message content (a JSON fragment); its ids are the marker. */
    private static String update(String marker, String field, String content) {
        long id = id(marker);
        return """
                {"update_id":%d,"%s":{"message_id":7,"from":{"id":%d,"is_bot":false,"first_name":"Siti"},
                 "chat":{"id":%d,"first_name":"Siti","type":"private"},"date":1767225600,%s}}"""
                .formatted(id, field, id, id, content);
    }

    /** The marker as a Telegram id (update, chat, user): 12 digits, beyond 32 bits as real ids are. */
    private static long id(String marker) {
        return Long.parseLong(marker);
    }

    private static String next() {
        return RUN + String.format("%03d", CASES.incrementAndGet());
    }

    static Stream<HostileCase> refusedOrIgnored() {
        List<HostileCase> cases = new ArrayList<>();
        String m;
        m = next();
        cases.add(HostileCase.of("broken JSON", "{\"update_id\":1,\"message\":{\"text\":" + quote(complaint(m)), m, 400));
        m = next();
        cases.add(HostileCase.of("empty body", "", m, 400));
        m = next();
        cases.add(HostileCase.of("JSON null", "null", m, 400));
        m = next();
        cases.add(HostileCase.of("a JSON array of updates", "[" + telegramText(id(m), id(m), complaint(m)) + "]", m,
                400));
        m = next();
        cases.add(HostileCase.of("a JSON string", quote(complaint(m)), m, 400));
        m = next();
        cases.add(HostileCase.of("a bare number", "42", m, 400));
        m = next();
        cases.add(HostileCase.bytes("invalid UTF-8 in the text",
                HostileCase.withInvalidUtf8(telegramText(id(m), id(m), "@@" + complaint(m))), m, 400));
        m = next();
        cases.add(HostileCase.of("update_id as text", telegramText(id(m), id(m), complaint(m))
                .replaceFirst("\"update_id\":\\d+", "\"update_id\":\"satu\""), m, 400));
        m = next();
        cases.add(HostileCase.of("update_id beyond a long", telegramText(id(m), id(m), complaint(m))
                .replaceFirst("\"update_id\":\\d+", "\"update_id\":99999999999999999999999999"), m, 400));
        m = next();
        cases.add(HostileCase.of("chat id as an object", update(m, "message", "\"text\":" + quote(complaint(m)))
                .replaceFirst("\"chat\":\\{\"id\":\\d+", "\"chat\":{\"id\":{\"\\$gt\":0}"), m, 400));
        m = next();
        cases.add(HostileCase.of("message as an array", "{\"update_id\":" + id(m) + ",\"message\":["
                + quote(complaint(m)) + "]}", m, 400));
        m = next();
        cases.add(HostileCase.of("text as an object", update(m, "message", "\"text\":{\"value\":" + quote(complaint(m))
                + "}"), m, 400));
        m = next();
        cases.add(HostileCase.of("latitude as text", update(m, "message",
                "\"location\":{\"latitude\":\"selatan\",\"longitude\":102.25},\"caption\":" + quote(complaint(m))), m,
                400));
        m = next();
        cases.add(HostileCase.of("nesting 20000 deep", update(m, "message", "\"text\":" + quote(complaint(m))
                + ",\"entities\":" + "[".repeat(20_000) + "]".repeat(20_000)), m, 400));
        m = next();
        cases.add(HostileCase.of("a body over the size limit", update(m, "message", "\"text\":" + quote(complaint(m)
                + " " + "sangat ".repeat(11_000))), m, 413));
        m = next();
        cases.add(HostileCase.of("not JSON but text/plain", telegramText(id(m), id(m), complaint(m)), m, 415)
                .withContentType("text/plain"));
        m = next();
        cases.add(HostileCase.of("an edited message", update(m, "edited_message", "\"edit_date\":1767225700,\"text\":"
                + quote(complaint(m))), m, 200));
        m = next();
        cases.add(HostileCase.of("a channel post", update(m, "channel_post", "\"text\":" + quote(complaint(m))), m,
                200));
        m = next();
        cases.add(HostileCase.of("a callback query", """
                {"update_id":%d,"callback_query":{"id":"4382bfdwdsb323b2d9","from":{"id":%d,"is_bot":false,
                 "first_name":"Siti"},"chat_instance":"-8232343","data":%s}}"""
                .formatted(id(m), id(m), quote(complaint(m))), m, 200));
        m = next();
        cases.add(HostileCase.of("an inline query", """
                {"update_id":%d,"inline_query":{"id":"123","from":{"id":%d,"is_bot":false,"first_name":"S"},
                 "query":%s,"offset":""}}""".formatted(id(m), id(m), quote(complaint(m))), m, 200));
        m = next();
        cases.add(HostileCase.of("a member update", """
                {"update_id":%d,"my_chat_member":{"chat":{"id":%d,"type":"private"},"from":{"id":1,"is_bot":false,
                 "first_name":"S"},"date":1767225600,"old_chat_member":{"status":"member"},
                 "new_chat_member":{"status":"kicked"}}}""".formatted(id(m), id(m)), m, 200));
        m = next();
        cases.add(HostileCase.of("a group message", update(m, "message", "\"text\":" + quote(complaint(m)))
                .replace("\"type\":\"private\"", "\"type\":\"group\""), m, 200));
        m = next();
        cases.add(HostileCase.of("a supergroup message", update(m, "message", "\"text\":" + quote(complaint(m)))
                .replace("\"type\":\"private\"", "\"type\":\"supergroup\""), m, 200));
        m = next();
        cases.add(HostileCase.of("a message from a bot", update(m, "message", "\"text\":" + quote(complaint(m)))
                .replace("\"is_bot\":false", "\"is_bot\":true"), m, 200));
        m = next();
        cases.add(HostileCase.of("a message without chat", "{\"update_id\":" + id(m)
                + ",\"message\":{\"message_id\":1,\"date\":1767225600,\"text\":" + quote(complaint(m)) + "}}", m, 200));
        m = next();
        cases.add(HostileCase.of("a message without update_id", update(m, "message", "\"text\":" + quote(complaint(m)))
                .replaceFirst("\"update_id\":\\d+,", ""), m, 200));
        m = next();
        cases.add(HostileCase.of("message null", "{\"update_id\":" + id(m) + ",\"message\":null}", m, 200));
        m = next();
        cases.add(HostileCase.of("a sticker", update(m, "message", """
                "sticker":{"file_id":"CAACAgIAAxkBAAIB","file_unique_id":"AgADdw","type":"regular","width":512,
                 "height":512,"is_animated":false,"is_video":false,"emoji":"😡","set_name":"LaporBkl"}"""), m,
                200).read());
        m = next();
        cases.add(HostileCase.of("a voice note", update(m, "message", """
                "voice":{"file_id":"AwACAgUAAxkBAAIB","file_unique_id":"AgADv","duration":4,"mime_type":"audio/ogg"},
                "caption":%s""".formatted(quote(complaint(m)))), m, 200).read());
        m = next();
        cases.add(HostileCase.of("a document with a caption", update(m, "message", """
                "document":{"file_id":"BQACAgUAAxkBAAIB","file_unique_id":"AgADd","file_name":"lapor.exe"},
                "caption":%s""".formatted(quote(complaint(m)))), m, 200).read());
        m = next();
        cases.add(HostileCase.of("a location at latitude 999", update(m, "message",
                "\"location\":{\"latitude\":999,\"longitude\":-999}"), m, 200).read());
        m = next();
        cases.add(HostileCase.of("a location of NaN", update(m, "message",
                "\"location\":{\"latitude\":\"NaN\",\"longitude\":\"Infinity\"}"), m, 200, 400).read());
        m = next();
        cases.add(HostileCase.of("photo sizes that are null", update(m, "message",
                "\"photo\":[null,null]"), m, 200).read());
        m = next();
        cases.add(HostileCase.of("text of script tags only", update(m, "message",
                "\"text\":\"<script>alert(" + m + ")</script><img src=x onerror=alert(" + m + ")>\""),
                m, 200).read());
        m = next();
        cases.add(HostileCase.of("text of control characters only", update(m, "message",
                "\"text\":\"\\u0000\\u0001\\u0007\\u001b[2J\\u0000   \\t\\t\""), m, 200).read());
        m = next();
        cases.add(HostileCase.of("text of unpaired surrogates", update(m, "message",
                "\"text\":\"\\ud800\\udc00\\udfff\\ud800\\ud800\\ud800\\ud800\\ud800\\ud800\\ud800\\ud800\""), m,
                200).read());
        m = next();
        // Over 40 characters after "status": no status query but a complaint's words, kept while the bot asks
        // for the region.
        cases.add(HostileCase.of("a status query with SQL", update(m, "message",
                "\"text\":\"status ' OR 1=1; DROP TABLE intake.complaint_status; --\""), m, 200).waits());
        m = next();
        cases.add(HostileCase.of("a status query with a path", update(m, "message",
                "\"text\":\"status ../../../etc/passwd\""), m, 200).read());
        m = next();
        cases.add(HostileCase.of("emoji only", update(m, "message", "\"text\":\"😡😡😡🔥\""), m, 200).read());
        m = next();
        cases.add(HostileCase.of("duplicate keys, the last of the wrong type", update(m, "message",
                "\"text\":" + quote(complaint(m))).replaceFirst("\\{\"update_id\":(\\d+)",
                "{\"update_id\":$1,\"update_id\":\"dua\""), m, 400));
        m = next();
        cases.add(HostileCase.of("a poll", """
                {"update_id":%d,"poll":{"id":"5","question":%s,"options":[],"total_voter_count":0,"is_closed":false,
                 "is_anonymous":true,"type":"regular","allows_multiple_answers":false}}"""
                .formatted(id(m), quote(complaint(m))), m, 200));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedOrIgnored")
    void refusedOrIgnoredNeverFailsAndMakesNoComplaint(HostileCase hostile) {
        Response response = given().contentType(hostile.contentType()).body(hostile.body())
                .header(TelegramWebhookResource.SECRET_HEADER, FakeChatPlatforms.TELEGRAM_SECRET)
                .post("/webhooks/telegram");
        assertThat(response.statusCode()).as(response.asString()).isIn(hostile.allowed());
        if (response.statusCode() >= 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        hostile.assertKeptNothing();
    }

    @AfterAll
    static void noneOfThemReachedKafka() {
        KafkaTopics.awaitQuiet();
        assertThat(KafkaTopics.all(Topics.COMPLAINTS_SUBMITTED,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(RUN))).isEmpty();
    }

    static Stream<HostileCase> acceptedAndCleaned() {
        String m;
        List<HostileCase> cases = new ArrayList<>();
        m = ChatWebhooks.marker();
        cases.add(HostileCase.of("script tags around a complaint", telegramText(bigId(), bigId(),
                "<script>alert('x')</script><b>" + complaint(m) + "</b><img src=x onerror=alert(1)>"), m, 200));
        m = ChatWebhooks.marker();
        cases.add(HostileCase.of("SQL in a complaint", telegramText(bigId(), bigId(),
                complaint(m) + "'); DROP TABLE intake.complaint_status; --"), m, 200));
        m = ChatWebhooks.marker();
        cases.add(HostileCase.of("a huge text", telegramText(bigId(), bigId(),
                complaint(m) + " " + "sangat parah ".repeat(4_000)), m, 200));
        m = ChatWebhooks.marker();
        cases.add(HostileCase.of("control characters and zero-width spaces in a complaint", telegramText(bigId(),
                bigId(), "\u0000\u200b" + complaint(m).replace(" ", " \u200b\u0007") + "\u202e\ud800"), m, 200));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedAndCleaned")
    void oddButGenuineComplaintsAreTakenCleaned(HostileCase hostile) {
        given().contentType(hostile.contentType()).body(hostile.body())
                .header(TelegramWebhookResource.SECRET_HEADER, FakeChatPlatforms.TELEGRAM_SECRET)
                .post("/webhooks/telegram").then().statusCode(200);
        List<?> records = submitted(hostile.marker(), 1);
        assertThat(records).hasSize(1);
        @SuppressWarnings("unchecked")
        ComplaintSnapshot complaint = payload((org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>)
                records.get(0)).complaint();
        assertThat(complaint.description()).doesNotContain("<script", "<img", "onerror", "<b>", "\u0000", "\u0007")
                .doesNotContainPattern("\\p{Cs}").hasSizeBetween(10, 4000);
        assertThat(Sql.count("select count(*) from intake.complaint_status where tracking_number = ?",
                complaint.trackingNumber())).isEqualTo(1);
    }
}
