package id.aduan.intake.rest.webhook;

import static id.aduan.intake.rest.webhook.ChatWebhooks.payload;
import static id.aduan.intake.rest.webhook.ChatWebhooks.quote;
import static id.aduan.intake.rest.webhook.ChatWebhooks.sign;
import static id.aduan.intake.rest.webhook.ChatWebhooks.submitted;
import static id.aduan.intake.rest.webhook.ChatWebhooks.waId;
import static id.aduan.intake.rest.webhook.ChatWebhooks.wamid;
import static id.aduan.intake.rest.webhook.ChatWebhooks.whatsAppText;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Correctly signed but hostile or unexpected WhatsApp notifications: 200 (acknowledged, ignored) or 4xx problem
 * details, never a 500, never a complaint. The signature is always right here, so that what is tested is the reading
 * of the body; forged signatures are in {@link WhatsAppWebhookTest}.
 */
@QuarkusTest
@WithTestResource(TestOidc.class)
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
@WithTestResource(FakeChatPlatforms.class)
class WhatsAppHostileInputTest {

    private static final String RUN = ChatWebhooks.marker();
    private static final AtomicInteger CASES = new AtomicInteger();

    private static String complaint(String marker) {
        return "Jalan berlubang besar di Kota Bengkulu dekat pasar, bahaya untuk motor. Laporan " + marker;
    }

    private static String next() {
        return RUN + String.format("%03d", CASES.incrementAndGet());
    }

    /** A notification with one message given as a JSON object (and the usual metadata). */
    private static String notification(String message) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages",
                 "value":{"messaging_product":"whatsapp",
                  "metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
                  "contacts":[{"profile":{"name":"Budi"},"wa_id":"6281299990000"}],
                  "messages":[%s]}}]}]}""".formatted(message);
    }

    /** A message whose sender and wamid carry the marker: the bridge keys its conversation and claim on them. */
    private static String message(String marker, String type, String content) {
        return "{\"from\":\"%s\",\"id\":\"%s\",\"timestamp\":\"1767225600\",\"type\":\"%s\"%s}"
                .formatted(sender(marker), "wamid." + marker, type, content.isEmpty() ? "" : "," + content);
    }

    /** The marker as a wa_id: 62 and 12 digits. */
    private static String sender(String marker) {
        return "62" + marker;
    }

    private static String text(String marker, String body) {
        return message(marker, "text", "\"text\":{\"body\":" + quote(body) + "}");
    }

    static Stream<HostileCase> refusedOrIgnored() {
        List<HostileCase> cases = new ArrayList<>();
        String m;
        m = next();
        cases.add(HostileCase.of("broken JSON", notification(text(m, complaint(m))).substring(0, 200), m, 400));
        m = next();
        cases.add(HostileCase.of("empty body", "", m, 400));
        m = next();
        cases.add(HostileCase.bytes("invalid UTF-8 in a message",
                HostileCase.withInvalidUtf8(notification(text(m, "@@" + complaint(m)))), m, 400));
        m = next();
        cases.add(HostileCase.of("JSON null", "null", m, 400));
        m = next();
        cases.add(HostileCase.of("a JSON array", "[" + notification(text(m, complaint(m))) + "]", m, 400));
        m = next();
        cases.add(HostileCase.of("entry as a string", "{\"object\":\"whatsapp_business_account\",\"entry\":"
                + quote(complaint(m)) + "}", m, 400));
        m = next();
        cases.add(HostileCase.of("changes as a number", "{\"object\":\"whatsapp_business_account\",\"entry\":[{"
                + "\"id\":\"1\",\"changes\":7,\"x\":" + quote(complaint(m)) + "}]}", m, 400));
        m = next();
        cases.add(HostileCase.of("messages as an object", notification(text(m, complaint(m))).replace("\"messages\":[",
                "\"messages\":{\"0\":").replace("}]}}]}]}", "}}}}]}]}"), m, 400));
        m = next();
        cases.add(HostileCase.of("text body as an object", notification(message(m, "text",
                "\"text\":{\"body\":{\"html\":" + quote(complaint(m)) + "}}")), m, 400));
        m = next();
        cases.add(HostileCase.of("latitude as text", notification(message(m, "location",
                "\"location\":{\"latitude\":\"selatan\",\"longitude\":102.2,\"name\":" + quote(complaint(m)) + "}")), m,
                400));
        m = next();
        cases.add(HostileCase.of("nesting 20000 deep", notification(message(m, "text", "\"text\":{\"body\":"
                + quote(complaint(m)) + "},\"context\":" + "[".repeat(20_000) + "]".repeat(20_000))), m, 400));
        m = next();
        cases.add(HostileCase.of("a body over the size limit", notification(text(m, complaint(m) + " "
                + "sangat ".repeat(11_000))), m, 413));
        m = next();
        cases.add(HostileCase.of("not JSON but text/plain", notification(text(m, complaint(m))), m, 415)
                .withContentType("text/plain"));
        m = next();
        cases.add(HostileCase.of("another product's notification (page)", notification(text(m, complaint(m)))
                .replace("whatsapp_business_account", "page"), m, 200));
        m = next();
        cases.add(HostileCase.of("no object at all", notification(text(m, complaint(m)))
                .replace("\"object\":\"whatsapp_business_account\",", ""), m, 200));
        // The next four hold no message at all: nothing for the bridge to read; they show it does not fail.
        m = next();
        cases.add(HostileCase.of("entry of null", "{\"object\":\"whatsapp_business_account\",\"entry\":[null],"
                + "\"x\":" + quote(complaint(m)) + "}", m, 200));
        m = next();
        cases.add(HostileCase.of("changes of null", "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\","
                + "\"changes\":[null]}],\"x\":" + quote(complaint(m)) + "}", m, 200));
        m = next();
        cases.add(HostileCase.of("value null", "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\","
                + "\"changes\":[{\"field\":\"messages\",\"value\":null}]}],\"x\":" + quote(complaint(m)) + "}", m, 200));
        m = next();
        cases.add(HostileCase.of("messages of null", notification("null,null").replace("\"contacts\"",
                "\"x\":" + quote(complaint(m)) + ",\"contacts\""), m, 200));
        m = next();
        cases.add(HostileCase.of("no metadata", notification(text(m, complaint(m))).replaceFirst(
                "\"metadata\":\\{[^}]*},", ""), m, 200));
        m = next();
        cases.add(HostileCase.of("a phone_number_id with a path in it", notification(text(m, complaint(m)))
                .replace("106540352242922", "../../v1/me?x="), m, 200));
        m = next();
        cases.add(HostileCase.of("another field (account update)", notification(text(m, complaint(m)))
                .replace("\"field\":\"messages\"", "\"field\":\"account_update\""), m, 200));
        m = next();
        cases.add(HostileCase.of("a message without sender", notification(text(m, complaint(m)))
                .replaceFirst("\"from\":\"\\d+\",", ""), m, 200));
        m = next();
        cases.add(HostileCase.of("a sender that is not a number", notification(text(m, complaint(m)))
                .replaceFirst("\"from\":\"\\d+\"", "\"from\":\"+62 812-34' OR '1'='1\""), m, 200));
        m = next();
        cases.add(HostileCase.of("a sender of 30 digits", notification(text(m, complaint(m)))
                .replaceFirst("\"from\":\"\\d+\"", "\"from\":\"" + "6".repeat(30) + "\""), m, 200));
        m = next();
        cases.add(HostileCase.of("a message id with spaces", notification(text(m, complaint(m)))
                .replaceFirst("\"id\":\"wamid[^\"]*\"", "\"id\":\"wamid with spaces; drop\""), m, 200));
        m = next();
        cases.add(HostileCase.of("a message id of 500 characters", notification(text(m, complaint(m)))
                .replaceFirst("\"id\":\"wamid[^\"]*\"", "\"id\":\"wamid." + "A".repeat(500) + "\""), m, 200));
        m = next();
        cases.add(HostileCase.of("a message without id", notification(text(m, complaint(m)))
                .replaceFirst("\"id\":\"wamid[^\"]*\",", ""), m, 200));
        m = next();
        cases.add(HostileCase.of("a sticker", notification(message(m, "sticker",
                "\"sticker\":{\"mime_type\":\"image/webp\",\"sha256\":\"abc\",\"id\":\"777\",\"animated\":false}")), m,
                200).read());
        m = next();
        cases.add(HostileCase.of("a voice note", notification(message(m, "audio", "\"audio\":{\"mime_type\":"
                + "\"audio/ogg; codecs=opus\",\"id\":\"888\",\"voice\":true}")), m, 200).read());
        m = next();
        cases.add(HostileCase.of("a reaction", notification(message(m, "reaction", "\"reaction\":{\"message_id\":"
                + "\"wamid.X\",\"emoji\":\"👍\"}")), m, 200).read());
        m = next();
        cases.add(HostileCase.of("an interactive reply", notification(message(m, "interactive", "\"interactive\":{"
                + "\"type\":\"button_reply\",\"button_reply\":{\"id\":\"1\",\"title\":" + quote(complaint(m)) + "}}")),
                m, 200).read());
        m = next();
        cases.add(HostileCase.of("an unsupported message with errors", notification(message(m, "unsupported",
                "\"errors\":[{\"code\":131051,\"title\":\"Message type unknown\",\"message\":" + quote(complaint(m))
                        + "}]")), m, 200).read());
        m = next();
        cases.add(HostileCase.of("a text without body", notification(message(m, "text", "\"text\":{}")), m, 200)
                .read());
        m = next();
        cases.add(HostileCase.of("a message without type", notification(message(m, "text", "\"text\":{\"body\":"
                + quote(complaint(m)) + "}").replace("\"type\":\"text\",", "")), m, 200).read());
        m = next();
        cases.add(HostileCase.of("a location at 1e999", notification(message(m, "location",
                "\"location\":{\"latitude\":1e999,\"longitude\":-1e999,\"name\":" + quote(complaint(m)) + "}")), m,
                200).read());
        m = next();
        cases.add(HostileCase.of("an image without caption", notification(message(m, "image",
                "\"image\":{\"mime_type\":\"image/jpeg\",\"id\":\"999\"}")), m, 200).waits());
        m = next();
        cases.add(HostileCase.of("a failed-delivery receipt", ChatWebhooks.whatsAppStatus("wamid." + m, sender(m))
                .replace("\"delivered\"", "\"failed\",\"errors\":[{\"code\":131047,\"title\":" + quote(complaint(m))
                        + "}]"), m, 200));
        m = next();
        // Over 40 characters after "status": no status query but a complaint's words, kept while the bot asks
        // for the region.
        cases.add(HostileCase.of("a status query with SQL", notification(text(m,
                "status '; DELETE FROM intake.chat_conversation; --")), m, 200).waits());
        m = next();
        cases.add(HostileCase.of("script tags only",
                notification(text(m, "<script>fetch('//evil/" + m + "')</script>")), m, 200).read());
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedOrIgnored")
    void refusedOrIgnoredNeverFailsAndMakesNoComplaint(HostileCase hostile) {
        Response response = given().contentType(hostile.contentType()).body(hostile.body())
                .header(WhatsAppWebhookResource.SIGNATURE_HEADER, sign(hostile.body()))
                .post("/webhooks/whatsapp");
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
        // Nothing above deleted anything either.
        assertThat(Sql.count("select count(*) from intake.complaint_status")).isPositive();
    }

    static Stream<HostileCase> acceptedAndCleaned() {
        List<HostileCase> cases = new ArrayList<>();
        String m = ChatWebhooks.marker();
        cases.add(HostileCase.of("script tags around a complaint", whatsAppText(wamid(), waId(),
                "<script>alert('x')</script>" + complaint(m) + "<iframe src=//evil></iframe>"), m, 200));
        m = ChatWebhooks.marker();
        cases.add(HostileCase.of("SQL in a complaint", whatsAppText(wamid(), waId(),
                complaint(m) + "\"; UPDATE intake.complaint_status SET status='CLOSED'; --"), m, 200));
        m = ChatWebhooks.marker();
        cases.add(HostileCase.of("a huge text", whatsAppText(wamid(), waId(),
                complaint(m) + " " + "sangat parah ".repeat(4_000)), m, 200));
        m = ChatWebhooks.marker();
        cases.add(HostileCase.of("a profile name with markup and a 300-character name", whatsAppText(wamid(), waId(),
                complaint(m)).replace("\"name\":\"Budi Santoso\"", "\"name\":" + quote("<b>Budi</b>" + "x".repeat(300))),
                m, 200));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedAndCleaned")
    void oddButGenuineComplaintsAreTakenCleaned(HostileCase hostile) {
        given().contentType(hostile.contentType()).body(hostile.body())
                .header(WhatsAppWebhookResource.SIGNATURE_HEADER, sign(hostile.body()))
                .post("/webhooks/whatsapp").then().statusCode(200);
        List<ConsumerRecord<String, byte[]>> records = submitted(hostile.marker(), 1);
        assertThat(records).hasSize(1);
        ComplaintSnapshot complaint = payload(records.get(0)).complaint();
        assertThat(complaint.description()).doesNotContain("<script", "<iframe", "alert(").hasSizeBetween(10, 4000);
        assertThat(ChatWebhooks.json(records.get(0))).doesNotContain("Budi");
        assertThat(Sql.value("select status from intake.complaint_status where tracking_number = ?",
                complaint.trackingNumber())).isEqualTo("SUBMITTED");
    }
}
