package id.aduan.intake.rest.webhook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.aduan.events.ComplaintSubmitted;
import id.aduan.events.EventEnvelope;
import id.aduan.events.EventJson;
import id.aduan.events.Topics;
import id.aduan.testing.KafkaTopics;
import io.quarkus.arc.Arc;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Webhook calls as Telegram and WhatsApp make them (payloads shaped like their documentation's examples), and the
 * events they lead to.
 */
public final class ChatWebhooks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChatWebhooks() {
    }

    /** An id beyond 32 bits, as Telegram's update and chat ids are. */
    public static long bigId() {
        return ThreadLocalRandom.current().nextLong(5_000_000_000L, 900_000_000_000_000L);
    }

    /** A WhatsApp wa_id: an Indonesian mobile number without "+". */
    public static String waId() {
        return "62812" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
    }

    public static String wamid() {
        return "wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFDNB" + Long.toHexString(ThreadLocalRandom.current().nextLong())
                .toUpperCase() + "AA==";
    }

    /** A marker that changes nothing in how a complaint is read: digits only. */
    public static String marker() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));
    }

    static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- Telegram ----

    private static String telegramMessage(long updateId, long chatId, String content) {
        return """
                {"update_id":%d,
                 "message":{"message_id":%d,
                  "from":{"id":%d,"is_bot":false,"first_name":"Siti","last_name":"Rahmawati","username":"siti_bkl",
                          "language_code":"id"},
                  "chat":{"id":%d,"first_name":"Siti","last_name":"Rahmawati","username":"siti_bkl","type":"private"},
                  "date":1767225600,
                  %s}}
                """.formatted(updateId, 1000 + updateId % 1000, chatId, chatId, content);
    }

    public static String telegramText(long updateId, long chatId, String text) {
        return telegramMessage(updateId, chatId, "\"text\":" + quote(text));
    }

    public static String telegramLocation(long updateId, long chatId, double latitude, double longitude) {
        return telegramMessage(updateId, chatId,
                "\"location\":{\"latitude\":%s,\"longitude\":%s}".formatted(latitude, longitude));
    }

    public static String telegramPhoto(long updateId, long chatId, String caption) {
        return telegramMessage(updateId, chatId, """
                "photo":[
                  {"file_id":"AgACAgUAAxkBAAIBsmall","file_unique_id":"AQADs1","file_size":1311,"width":90,"height":67},
                  {"file_id":"AgACAgUAAxkBAAIBmedium","file_unique_id":"AQADm1","file_size":21089,"width":320,"height":240},
                  {"file_id":"AgACAgUAAxkBAAIBlarge","file_unique_id":"AQADl1","file_size":84123,"width":1280,"height":960}],
                "caption":%s""".formatted(quote(caption)));
    }

    public static ValidatableResponse postTelegram(String update) {
        return postTelegram(update.getBytes(StandardCharsets.UTF_8), FakeChatPlatforms.TELEGRAM_SECRET);
    }

    public static ValidatableResponse postTelegram(byte[] update, String secret) {
        var request = given().contentType("application/json").body(update);
        if (secret != null) {
            request.header(TelegramWebhookResource.SECRET_HEADER, secret);
        }
        return request.post("/webhooks/telegram").then();
    }

    // ---- WhatsApp ----

    public static final String PHONE_NUMBER_ID = "106540352242922";

    private static String whatsAppMessages(String from, String name, String messages) {
        return """
                {"object":"whatsapp_business_account",
                 "entry":[{"id":"102290129340398",
                   "changes":[{"field":"messages",
                     "value":{"messaging_product":"whatsapp",
                       "metadata":{"display_phone_number":"15550783881","phone_number_id":"%s"},
                       "contacts":[{"profile":{"name":"%s"},"wa_id":"%s"}],
                       "messages":[%s]}}]}]}
                """.formatted(PHONE_NUMBER_ID, name, from, messages);
    }

    public static String whatsAppText(String wamid, String from, String text) {
        return whatsAppMessages(from, "Budi Santoso", """
                {"from":"%s","id":"%s","timestamp":"1767225600","type":"text","text":{"body":%s}}"""
                .formatted(from, wamid, quote(text)));
    }

    public static String whatsAppLocation(String wamid, String from, double latitude, double longitude) {
        return whatsAppMessages(from, "Budi Santoso", """
                {"from":"%s","id":"%s","timestamp":"1767225600","type":"location",
                 "location":{"latitude":%s,"longitude":%s,"name":"Pasar","address":"Jl. Merdeka"}}"""
                .formatted(from, wamid, latitude, longitude));
    }

    public static String whatsAppImage(String wamid, String from, String caption) {
        return whatsAppMessages(from, "Budi Santoso", """
                {"from":"%s","id":"%s","timestamp":"1767225600","type":"image",
                 "image":{"caption":%s,"mime_type":"image/jpeg",
                          "sha256":"ZWZhZGQ1YTU0ZDU0YjU0ZjkxY2Y3ZDM4YjNhMTkzMTI4OWUxNzQ2YjY2ZGFiZTk4MWNlMjU4ZTNmNmM4NWY0Yw==",
                          "id":"1234567890123456"}}"""
                .formatted(from, wamid, quote(caption)));
    }

    /** A delivery receipt: not a message. */
    public static String whatsAppStatus(String wamid, String recipient) {
        return """
                {"object":"whatsapp_business_account",
                 "entry":[{"id":"102290129340398",
                   "changes":[{"field":"messages",
                     "value":{"messaging_product":"whatsapp",
                       "metadata":{"display_phone_number":"15550783881","phone_number_id":"%s"},
                       "statuses":[{"id":"%s","status":"delivered","timestamp":"1767225660",
                         "recipient_id":"%s",
                         "conversation":{"id":"CONVERSATION_ID","origin":{"type":"service"}},
                         "pricing":{"billable":false,"pricing_model":"PMP","category":"service"}}]}}]}]}
                """.formatted(PHONE_NUMBER_ID, wamid, recipient);
    }

    public static String sign(byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(WebhookSecrets.hmacSha256(FakeChatPlatforms.WHATSAPP_APP_SECRET,
                body));
    }

    public static ValidatableResponse postWhatsApp(String notification) {
        byte[] body = notification.getBytes(StandardCharsets.UTF_8);
        return postWhatsApp(body, sign(body));
    }

    public static ValidatableResponse postWhatsApp(byte[] body, String signature) {
        var request = given().contentType("application/json").body(body);
        if (signature != null) {
            request.header(WhatsAppWebhookResource.SIGNATURE_HEADER, signature);
        }
        return request.post("/webhooks/whatsapp").then();
    }

    // ---- Events ----

    /**
     * The ComplaintSubmitted records whose JSON contains the marker: waits for {@code count}, then until the stack is
     * quiet, then counts all of them, so that a late copy is among them.
     */
    public static List<ConsumerRecord<String, byte[]>> submitted(String marker, int count) {
        return KafkaTopics.settled(Topics.COMPLAINTS_SUBMITTED,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(marker), count, Duration.ofSeconds(10));
    }

    /**
     * The ComplaintSubmitted records with the marker now on the topic. A webhook answers only after its event is
     * acknowledged, so after the call this is complete: no need to wait for one that should not come.
     */
    public static List<ConsumerRecord<String, byte[]>> submittedNow(String marker) {
        return KafkaTopics.all(Topics.COMPLAINTS_SUBMITTED,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(marker));
    }

    /**
     * Waits until the bot has no reply left to send or retry: after it, what the fake platforms recorded is all the
     * bot will send for the messages handled so far.
     */
    public static void awaitRepliesDone() {
        ChatReplySender sender = Arc.container().instance(ChatReplySender.class).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> sender.inFlight() == 0);
    }

    public static ComplaintSubmitted payload(ConsumerRecord<String, byte[]> record) {
        EventEnvelope event = EventJson.read(record.value());
        return event.payload(ComplaintSubmitted.class).orElseThrow();
    }

    public static String json(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }
}
