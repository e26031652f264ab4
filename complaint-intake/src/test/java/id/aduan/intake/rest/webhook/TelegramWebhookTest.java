package id.aduan.intake.rest.webhook;

import static id.aduan.intake.rest.webhook.ChatWebhooks.bigId;
import static id.aduan.intake.rest.webhook.ChatWebhooks.marker;
import static id.aduan.intake.rest.webhook.ChatWebhooks.payload;
import static id.aduan.intake.rest.webhook.ChatWebhooks.postTelegram;
import static id.aduan.intake.rest.webhook.ChatWebhooks.submitted;
import static id.aduan.intake.rest.webhook.ChatWebhooks.submittedNow;
import static id.aduan.intake.rest.webhook.ChatWebhooks.telegramLocation;
import static id.aduan.intake.rest.webhook.ChatWebhooks.telegramPhoto;
import static id.aduan.intake.rest.webhook.ChatWebhooks.telegramText;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import id.aduan.events.Category;
import id.aduan.events.ComplaintSnapshot;
import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.Sql;
import id.aduan.testing.TestOidc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The Telegram bridge end to end: webhook, conversation, Kafka, and the bot's replies through the Bot API. */
@QuarkusTest
@WithTestResource(TestOidc.class)
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
@WithTestResource(FakeChatPlatforms.class)
class TelegramWebhookTest {

    private static final Pattern TRACKING = Pattern.compile("ADU(-[0-9A-Z]{4}){4}");

    @Test
    void aCompleteComplaintInOneMessageIsPublishedOnceAndAnsweredWithItsTrackingNumber() {
        long chat = bigId();
        String marker = marker();
        postTelegram(telegramText(bigId(), chat,
                "Jalan berlubang besar di Kota Bengkulu dekat pasar, bahaya untuk motor. Laporan " + marker))
                .statusCode(200);

        List<ConsumerRecord<String, byte[]>> records = submitted(marker, 1);
        assertThat(records).hasSize(1);
        ComplaintSnapshot complaint = payload(records.get(0)).complaint();
        assertThat(complaint.channel()).isEqualTo("telegram");
        assertThat(complaint.category()).isEqualTo(Category.ROAD);
        assertThat(complaint.regionCode()).isEqualTo("1771");
        assertThat(complaint.needsTriage()).isFalse();
        // No chat id, user id, name or username in the event.
        assertThat(ChatWebhooks.json(records.get(0))).doesNotContain(String.valueOf(chat), "Siti", "Rahmawati",
                "siti_bkl", "reporter");

        List<String> replies = FakePlatform.awaitTelegram(chat, 1);
        assertThat(replies).hasSize(1);
        assertThat(replies.get(0)).contains(complaint.trackingNumber())
                .contains("/api/v1/complaints/" + complaint.trackingNumber())
                .contains("Jalan rusak", "Kota Bengkulu");
        // Through the Bot API with the bot's token, as {chat_id, text}.
        assertThat(FakePlatform.all()).anySatisfy(sent -> {
            assertThat(sent.path()).isEqualTo("/telegram/bot" + FakeChatPlatforms.TELEGRAM_BOT_TOKEN + "/sendMessage");
            assertThat(sent.body().path("chat_id").asLong()).isEqualTo(chat);
        });
        // Telegram gives no phone number: no contact is kept; the conversation is over.
        UUID id = complaintId(complaint.trackingNumber());
        assertThat(Sql.count("select count(*) from intake.reporter_contact where complaint_id = ?", id)).isZero();
        assertThat(conversations(chat)).isZero();
        // The status page works with the link given.
        given().get("/api/v1/complaints/" + complaint.trackingNumber()).then().statusCode(200)
                .body("categoryLabel", equalTo("Jalan rusak"));
    }

    @Test
    void withoutARegionTheBotAsksAndTheCitizenNamesIt() {
        long chat = bigId();
        String marker = marker();
        postTelegram(telegramText(bigId(), chat,
                "Jalan berlubang besar di depan rumah saya, bahaya untuk motor. Laporan " + marker)).statusCode(200);
        assertThat(FakePlatform.awaitTelegram(chat, 1).get(0)).startsWith("Di kabupaten/kota mana?");
        assertThat(Sql.count("select count(*) from intake.complaint_status where description like ?",
                "%" + marker + "%")).isZero();
        assertThat(Sql.value("select step from intake.chat_conversation where conversation_key = ?",
                "telegram:" + chat)).isEqualTo("ASK_REGION");

        postTelegram(telegramText(bigId(), chat, "kota bkl")).statusCode(200);

        List<ConsumerRecord<String, byte[]>> records = submitted(marker, 1);
        assertThat(records).hasSize(1);
        ComplaintSnapshot complaint = payload(records.get(0)).complaint();
        assertThat(complaint.regionCode()).isEqualTo("1771");
        assertThat(complaint.category()).isEqualTo(Category.ROAD);
        assertThat(complaint.description()).contains(marker).doesNotContain("kota bkl");
        assertThat(complaint.normalization().regionSource()).isEqualTo("code");
        assertThat(FakePlatform.awaitTelegram(chat, 2).get(1)).contains(complaint.trackingNumber());
        assertThat(conversations(chat)).isZero();
    }

    @Test
    void withoutARegionTheCitizenMayShareALocation() {
        long chat = bigId();
        String marker = marker();
        postTelegram(telegramText(bigId(), chat,
                "Jalan berlubang besar di depan rumah saya, bahaya untuk motor. Laporan " + marker)).statusCode(200);
        FakePlatform.awaitTelegram(chat, 1);
        // A point outside the province is not an answer: asked again.
        postTelegram(telegramLocation(bigId(), chat, -6.2, 106.8)).statusCode(200);
        assertThat(FakePlatform.awaitTelegram(chat, 2).get(1)).contains("di luar Provinsi Bengkulu")
                .contains("Di kabupaten/kota mana?");

        postTelegram(telegramLocation(bigId(), chat, -3.47, 102.52)).statusCode(200);

        List<ConsumerRecord<String, byte[]>> records = submitted(marker, 1);
        assertThat(records).hasSize(1);
        ComplaintSnapshot complaint = payload(records.get(0)).complaint();
        assertThat(complaint.regionCode()).isEqualTo("1702");
        assertThat(complaint.normalization().regionSource()).isEqualTo("point");
        assertThat(complaint.location().latitude()).isEqualTo(-3.47);
        assertThat(complaint.location().longitude()).isEqualTo(102.52);
        assertThat(FakePlatform.awaitTelegram(chat, 3).get(2)).contains(complaint.trackingNumber());
    }

    @Test
    void anUnclearCategoryIsAskedWithANumberedMenu() {
        long chat = bigId();
        String marker = marker();
        postTelegram(telegramText(bigId(), chat,
                "Tolong ditindaklanjuti pak, di Kota Bengkulu sudah lama sekali. Laporan " + marker)).statusCode(200);
        String menu = FakePlatform.awaitTelegram(chat, 1).get(0);
        assertThat(menu).contains("1 Jalan rusak", "2 Sekolah", "3 BPJS gratis / kesehatan", "4 Lainnya");

        postTelegram(telegramText(bigId(), chat, "pilihan nomor 7")).statusCode(200);
        assertThat(FakePlatform.awaitTelegram(chat, 2).get(1)).startsWith("Maaf, pilihan itu tidak kami kenali.");
        postTelegram(telegramText(bigId(), chat, "3")).statusCode(200);

        ComplaintSnapshot complaint = payload(submitted(marker, 1).get(0)).complaint();
        assertThat(complaint.category()).isEqualTo(Category.HEALTH);
        assertThat(complaint.normalization().categorySource()).isEqualTo("citizen");
        assertThat(complaint.needsTriage()).isFalse();
        assertThat(FakePlatform.awaitTelegram(chat, 3).get(2)).contains(complaint.trackingNumber());
    }

    @Test
    void aCaptionedPhotoIsAComplaintAndOnlyThePhotosReferenceIsKept() {
        long chat = bigId();
        String marker = marker();
        postTelegram(telegramPhoto(bigId(), chat,
                "Kartu BPJS gratis ibu saya ditolak di puskesmas Kepahiang. Laporan " + marker)).statusCode(200);

        ComplaintSnapshot complaint = payload(submitted(marker, 1).get(0)).complaint();
        assertThat(complaint.category()).isEqualTo(Category.HEALTH);
        assertThat(complaint.regionCode()).isEqualTo("1708");
        assertThat(Sql.value("select file_ref from intake.chat_attachment where complaint_id = ?",
                complaintId(complaint.trackingNumber()))).isEqualTo("AgACAgUAAxkBAAIBlarge");
        assertThat(FakePlatform.awaitTelegram(chat, 1).get(0)).contains(complaint.trackingNumber());
    }

    @Test
    void aStatusQueryIsAnsweredFromTheReadModelWithoutPersonalData() {
        String tracking = given().contentType("application/json").body("""
                {"category":"road","description":"Jalan berlubang di km 5 arah Curup","region":"1702",
                 "reporter":{"name":"Rahmat Hidayat","phone":"081311112222"}}""")
                .post("/api/v1/complaints").then().statusCode(202).extract().path("trackingNumber");
        UUID id = complaintId(tracking);
        Sql.execute("update intake.complaint_status set status = 'ACKNOWLEDGED', opd_code = 'DPUPR-PROV',"
                + " opd_name = 'Dinas PUPR Provinsi Bengkulu' where complaint_id = ?", id);
        Sql.execute("insert into intake.public_message (event_id, complaint_id, occurred_at, action, author, message)"
                + " values (?, ?, now(), 'RESPOND', 'OPD', 'Tim kami meninjau lokasi minggu ini')",
                UUID.randomUUID(), id);

        long chat = bigId();
        // Lower case, spaces instead of dashes: still the same number.
        postTelegram(telegramText(bigId(), chat, "Status " + tracking.toLowerCase().replace('-', ' ')))
                .statusCode(200);
        String reply = FakePlatform.awaitTelegram(chat, 1).get(0);
        assertThat(reply).contains(tracking, "Sedang ditangani", "Dinas PUPR Provinsi Bengkulu",
                "Tim kami meninjau lokasi minggu ini").doesNotContain("Rahmat", "1311112222");

        postTelegram(telegramText(bigId(), chat, "status ADU-0000-0000-0000-0000")).statusCode(200);
        assertThat(FakePlatform.awaitTelegram(chat, 2).get(1)).contains("tidak ditemukan");
        // A status query starts no conversation.
        assertThat(conversations(chat)).isZero();
    }

    @Test
    void aMissingOrWrongSecretIsRefusedAndNothingHappens() {
        long chat = bigId();
        String marker = marker();
        byte[] update = telegramText(bigId(), chat,
                "Jalan berlubang besar di Kota Bengkulu dekat pasar. Laporan " + marker).getBytes(StandardCharsets.UTF_8);

        postTelegram(update, null).statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:aduan:problem:chat-secret-missing"));
        postTelegram(update, "").statusCode(401);
        postTelegram(update, "wrong-secret").statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:aduan:problem:chat-secret-invalid"));
        postTelegram(update, FakeChatPlatforms.TELEGRAM_SECRET + "x").statusCode(403);
        postTelegram(update, FakeChatPlatforms.TELEGRAM_SECRET.substring(1)).statusCode(403);
        postTelegram(update, FakeChatPlatforms.TELEGRAM_SECRET.toUpperCase()).statusCode(403);

        assertThat(submittedNow(marker)).isEmpty();
        assertThat(FakePlatform.telegramTo(chat)).isEmpty();
        assertThat(conversations(chat)).isZero();
    }

    @Test
    void aRedeliveredUpdateChangesNothingAndIsNotAnsweredTwice() {
        long chat = bigId();
        long updateId = bigId();
        String marker = marker();
        String update = telegramText(updateId, chat,
                "Jalan berlubang besar di Kota Bengkulu dekat pasar, bahaya untuk motor. Laporan " + marker);
        postTelegram(update).statusCode(200);
        FakePlatform.awaitTelegram(chat, 1);

        postTelegram(update).statusCode(200);
        postTelegram(update).statusCode(200);

        assertThat(submitted(marker, 1)).hasSize(1);
        ChatWebhooks.awaitRepliesDone();
        assertThat(FakePlatform.telegramTo(chat)).hasSize(1);
        assertThat(Sql.count("select count(*) from intake.chat_processed_message where message_key = ?",
                "telegram:" + updateId)).isEqualTo(1);
    }

    @Test
    void aCitizenCanCancelWithBatal() {
        long chat = bigId();
        String marker = marker();
        postTelegram(telegramText(bigId(), chat,
                "Jalan berlubang besar di depan rumah saya, bahaya untuk motor. Laporan " + marker)).statusCode(200);
        FakePlatform.awaitTelegram(chat, 1);
        postTelegram(telegramText(bigId(), chat, "Batal")).statusCode(200);
        assertThat(FakePlatform.awaitTelegram(chat, 2).get(1)).contains("dibatalkan");
        assertThat(conversations(chat)).isZero();

        postTelegram(telegramText(bigId(), chat, "kota bkl")).statusCode(200);
        assertThat(submittedNow(marker)).isEmpty();
    }

    @Test
    void whenTheBotApiFailsTheWebhookStillAnswers200AndTheReplyIsRetried() {
        long chat = bigId();
        String marker = marker();
        FakePlatform.failNext(2, 502);
        long started = System.nanoTime();
        postTelegram(telegramText(bigId(), chat,
                "Jalan berlubang besar di Kota Bengkulu dekat pasar, bahaya untuk motor. Laporan " + marker))
                .statusCode(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));

        String tracking = payload(submitted(marker, 1).get(0)).complaint().trackingNumber();
        assertThat(FakePlatform.awaitTelegram(chat, 1).get(0)).contains(tracking);
        assertThat(FakePlatform.all()).filteredOn(s -> !s.ok()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void whenTheBotApiIsDownForGoodTheComplaintIsStillTakenAndTheReplyGivenUpAfterFourAttempts() {
        long chat = bigId();
        String marker = marker();
        FakePlatform.failNext(1000, 503);
        try {
            postTelegram(telegramText(bigId(), chat,
                    "Jalan berlubang besar di Kota Bengkulu dekat pasar, bahaya untuk motor. Laporan " + marker))
                    .statusCode(200);
            assertThat(submitted(marker, 1)).hasSize(1);
            // One attempt and three retries (aduan.intake.chat.replies.retries), then the bot gives up.
            await().atMost(Duration.ofSeconds(15)).until(() -> FakePlatform.telegramAttemptsTo(chat).size() >= 4);
            ChatWebhooks.awaitRepliesDone();
            assertThat(FakePlatform.telegramAttemptsTo(chat)).hasSize(4).noneMatch(FakePlatform.Sent::ok);
        } finally {
            FakePlatform.failNext(0, 200);
        }
    }

    static UUID complaintId(String tracking) {
        return (UUID) Sql.value("select complaint_id from intake.complaint_status where tracking_number = ?", tracking);
    }

    static long conversations(long chat) {
        return Sql.count("select count(*) from intake.chat_conversation where conversation_key = ?", "telegram:" + chat);
    }

    static String trackingIn(String reply) {
        Matcher m = TRACKING.matcher(reply);
        assertThat(m.find()).as("a tracking number in: " + reply).isTrue();
        return m.group();
    }
}
