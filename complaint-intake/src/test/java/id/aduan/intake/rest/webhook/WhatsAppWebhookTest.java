package id.aduan.intake.rest.webhook;

import static id.aduan.intake.rest.webhook.ChatWebhooks.marker;
import static id.aduan.intake.rest.webhook.ChatWebhooks.payload;
import static id.aduan.intake.rest.webhook.ChatWebhooks.postWhatsApp;
import static id.aduan.intake.rest.webhook.ChatWebhooks.sign;
import static id.aduan.intake.rest.webhook.ChatWebhooks.submitted;
import static id.aduan.intake.rest.webhook.ChatWebhooks.submittedNow;
import static id.aduan.intake.rest.webhook.ChatWebhooks.waId;
import static id.aduan.intake.rest.webhook.ChatWebhooks.wamid;
import static id.aduan.intake.rest.webhook.ChatWebhooks.whatsAppImage;
import static id.aduan.intake.rest.webhook.ChatWebhooks.whatsAppLocation;
import static id.aduan.intake.rest.webhook.ChatWebhooks.whatsAppStatus;
import static id.aduan.intake.rest.webhook.ChatWebhooks.whatsAppText;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import id.aduan.events.Category;
import id.aduan.events.ComplaintSnapshot;
import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.Sql;
import id.aduan.testing.TestOidc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The WhatsApp Cloud API bridge end to end: handshake, signed notifications, conversation, Kafka, replies. */
@QuarkusTest
@WithTestResource(TestOidc.class)
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
@WithTestResource(FakeChatPlatforms.class)
class WhatsAppWebhookTest {

    @Test
    void theVerificationHandshakeEchoesTheChallengeOnlyForTheRightToken() {
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", FakeChatPlatforms.WHATSAPP_VERIFY_TOKEN)
                .queryParam("hub.challenge", "1158201444").get("/webhooks/whatsapp")
                .then().statusCode(200).contentType(startsWith("text/plain")).body(equalTo("1158201444"));

        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "not-the-token")
                .queryParam("hub.challenge", "1158201444").get("/webhooks/whatsapp")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:aduan:problem:chat-verify-token-invalid"));
        given().queryParam("hub.mode", "unsubscribe").queryParam("hub.verify_token",
                        FakeChatPlatforms.WHATSAPP_VERIFY_TOKEN)
                .queryParam("hub.challenge", "1158201444").get("/webhooks/whatsapp").then().statusCode(403);
        given().queryParam("hub.challenge", "1158201444").get("/webhooks/whatsapp").then().statusCode(403);
        // A challenge that could be markup is never echoed.
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", FakeChatPlatforms.WHATSAPP_VERIFY_TOKEN)
                .queryParam("hub.challenge", "<script>alert(1)</script>").get("/webhooks/whatsapp")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aCompleteComplaintInOneMessageIsPublishedOnceWithoutTheSendersNumberOrName() {
        String from = waId();
        String marker = marker();
        postWhatsApp(whatsAppText(wamid(), from,
                "Kartu BPJS gratis ibu saya ditolak di puskesmas Kepahiang. Laporan " + marker)).statusCode(200);

        List<ConsumerRecord<String, byte[]>> records = submitted(marker, 1);
        assertThat(records).hasSize(1);
        ComplaintSnapshot complaint = payload(records.get(0)).complaint();
        assertThat(complaint.channel()).isEqualTo("whatsapp");
        assertThat(complaint.category()).isEqualTo(Category.HEALTH);
        assertThat(complaint.regionCode()).isEqualTo("1708");
        assertThat(ChatWebhooks.json(records.get(0))).doesNotContain(from, from.substring(2), "Budi", "Santoso",
                "reporter");

        // The number is the reporter's contact, kept by intake only, in the REST door's +62 form.
        UUID id = TelegramWebhookTest.complaintId(complaint.trackingNumber());
        assertThat(Sql.value("select phone from intake.reporter_contact where complaint_id = ?", id))
                .isEqualTo("+" + from);
        assertThat(Sql.value("select name from intake.reporter_contact where complaint_id = ?", id))
                .isEqualTo("Budi Santoso");

        String reply = FakePlatform.awaitWhatsApp(from, 1).get(0);
        assertThat(reply).contains(complaint.trackingNumber(), "/api/v1/complaints/" + complaint.trackingNumber());
        FakePlatform.Sent sent = FakePlatform.all().stream().filter(s -> from.equals(s.body().path("to").asText()))
                .findFirst().orElseThrow();
        assertThat(sent.path()).isEqualTo("/graph/v21.0/" + ChatWebhooks.PHONE_NUMBER_ID + "/messages");
        assertThat(sent.authorization()).isEqualTo("Bearer " + FakeChatPlatforms.WHATSAPP_ACCESS_TOKEN);
        assertThat(sent.body().path("messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(sent.body().path("type").asText()).isEqualTo("text");
        assertThat(conversations(from)).isZero();
    }

    @Test
    void withoutARegionTheBotAsksAndTheCitizenNamesIt() {
        String from = waId();
        String marker = marker();
        postWhatsApp(whatsAppText(wamid(), from,
                "Jalan berlubang besar di depan rumah saya, bahaya untuk motor. Laporan " + marker)).statusCode(200);
        assertThat(FakePlatform.awaitWhatsApp(from, 1).get(0))
                .isEqualTo("Di kabupaten/kota mana? Balas dengan nama kabupaten/kota atau kirim lokasi.");
        assertThat(Sql.count("select count(*) from intake.complaint_status where description like ?",
                "%" + marker + "%")).isZero();

        postWhatsApp(whatsAppText(wamid(), from, "Rejang")).statusCode(200);

        ComplaintSnapshot complaint = payload(submitted(marker, 1).get(0)).complaint();
        assertThat(complaint.regionCode()).isEqualTo("1702");
        assertThat(complaint.channel()).isEqualTo("whatsapp");
        assertThat(FakePlatform.awaitWhatsApp(from, 2).get(1)).contains(complaint.trackingNumber());
    }

    @Test
    void withoutARegionTheCitizenMayShareALocation() {
        String from = waId();
        String marker = marker();
        postWhatsApp(whatsAppText(wamid(), from,
                "Jalan berlubang besar di depan rumah saya, bahaya untuk motor. Laporan " + marker)).statusCode(200);
        FakePlatform.awaitWhatsApp(from, 1);

        postWhatsApp(whatsAppLocation(wamid(), from, -3.7956, 102.2592)).statusCode(200);

        ComplaintSnapshot complaint = payload(submitted(marker, 1).get(0)).complaint();
        assertThat(complaint.regionCode()).isEqualTo("1771");
        assertThat(complaint.normalization().regionSource()).isEqualTo("point");
        assertThat(complaint.location().latitude()).isEqualTo(-3.7956);
        assertThat(FakePlatform.awaitWhatsApp(from, 2).get(1)).contains(complaint.trackingNumber());
    }

    @Test
    void aCaptionedImageIsAComplaintAndOnlyTheMediaIdIsKept() {
        String from = waId();
        String marker = marker();
        postWhatsApp(whatsAppImage(wamid(), from,
                "Jalan berlubang besar di Kota Bengkulu dekat pasar, bahaya untuk motor. Laporan " + marker))
                .statusCode(200);
        ComplaintSnapshot complaint = payload(submitted(marker, 1).get(0)).complaint();
        assertThat(complaint.category()).isEqualTo(Category.ROAD);
        assertThat(Sql.value("select file_ref from intake.chat_attachment where complaint_id = ?",
                TelegramWebhookTest.complaintId(complaint.trackingNumber()))).isEqualTo("1234567890123456");
    }

    @Test
    void aStatusQueryIsAnswered() {
        String tracking = given().contentType("application/json").body("""
                {"category":"school","description":"Guru kelas 3 sering tidak masuk mengajar","region":"1705"}""")
                .post("/api/v1/complaints").then().statusCode(202).extract().path("trackingNumber");
        Sql.execute("update intake.complaint_status set status = 'ROUTED', opd_code = 'DIKBUD-PROV',"
                + " opd_name = 'Dinas Pendidikan dan Kebudayaan' where tracking_number = ?", tracking);
        String from = waId();
        postWhatsApp(whatsAppText(wamid(), from, "cek status " + tracking)).statusCode(200);
        assertThat(FakePlatform.awaitWhatsApp(from, 1).get(0))
                .contains(tracking, "Diteruskan ke OPD", "Dinas Pendidikan dan Kebudayaan");
    }

    @Test
    void aForgedOrMissingSignatureIsRefusedAndNothingHappens() {
        String from = waId();
        String marker = marker();
        byte[] body = whatsAppText(wamid(), from,
                "Jalan berlubang besar di Kota Bengkulu dekat pasar. Laporan " + marker).getBytes(StandardCharsets.UTF_8);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("Kota Bengkulu", "Kota Bengkulu!")
                .getBytes(StandardCharsets.UTF_8);
        String otherKey = "sha256=" + HexFormat.of().formatHex(WebhookSecrets.hmacSha256("another-secret", body));

        postWhatsApp(body, null).statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:aduan:problem:chat-signature-missing"));
        postWhatsApp(body, otherKey).statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:aduan:problem:chat-signature-invalid"));
        postWhatsApp(tampered, sign(body)).statusCode(403);
        postWhatsApp(body, sign(body).replace("sha256=", "sha1=")).statusCode(403);
        postWhatsApp(body, sign(body).substring(0, 60)).statusCode(403);
        postWhatsApp(body, "sha256=" + "zz".repeat(32)).statusCode(403);
        postWhatsApp(body, sign(body) + "00").statusCode(403);

        assertThat(submittedNow(marker)).isEmpty();
        assertThat(FakePlatform.whatsAppAttemptsTo(from)).isEmpty();
        assertThat(conversations(from)).isZero();
        // The genuine signature in upper-case hex is the same signature.
        postWhatsApp(body, "sha256=" + sign(body).substring(7).toUpperCase()).statusCode(200);
        assertThat(submitted(marker, 1)).hasSize(1);
    }

    @Test
    void aRedeliveredMessageChangesNothingAndIsNotAnsweredTwice() {
        String from = waId();
        String id = wamid();
        String marker = marker();
        String notification = whatsAppText(id, from,
                "Jalan berlubang besar di Kota Bengkulu dekat pasar, bahaya untuk motor. Laporan " + marker);
        postWhatsApp(notification).statusCode(200);
        FakePlatform.awaitWhatsApp(from, 1);

        postWhatsApp(notification).statusCode(200);
        // Meta may also deliver it again inside another notification, with other whitespace: the same wamid.
        postWhatsApp(notification.replace("\n", " ")).statusCode(200);

        assertThat(submitted(marker, 1)).hasSize(1);
        ChatWebhooks.awaitRepliesDone();
        assertThat(FakePlatform.whatsAppTo(from)).hasSize(1);
    }

    @Test
    void aDeliveryReceiptIsAcknowledgedAndIgnored() {
        String recipient = waId();
        long rows = Sql.count("select count(*) from intake.chat_processed_message");
        postWhatsApp(whatsAppStatus(wamid(), recipient)).statusCode(200);
        ChatWebhooks.awaitRepliesDone();
        assertThat(Sql.count("select count(*) from intake.chat_processed_message")).isEqualTo(rows);
        assertThat(FakePlatform.whatsAppAttemptsTo(recipient)).isEmpty();
        assertThat(conversations(recipient)).isZero();
    }

    @Test
    void severalMessagesInOneNotificationAreEachHandled() {
        String from = waId();
        String marker = marker();
        String first = """
                {"from":"%s","id":"%s","timestamp":"1767225600","type":"text",
                 "text":{"body":"Jalan berlubang besar di depan rumah saya, bahaya untuk motor. Laporan %s"}}"""
                .formatted(from, wamid(), marker);
        String second = """
                {"from":"%s","id":"%s","timestamp":"1767225601","type":"text","text":{"body":"Kabupaten Kaur"}}"""
                .formatted(from, wamid());
        String notification = whatsAppText(wamid(), from, "x").replaceFirst("\\[\\{\"from\".*\\}\\]\\}\\}\\]\\}\\]\\}",
                "[" + first + "," + second + "]}}]}]}");
        assertThat(notification).contains("Kabupaten Kaur");
        postWhatsApp(notification).statusCode(200);

        ComplaintSnapshot complaint = payload(submitted(marker, 1).get(0)).complaint();
        assertThat(complaint.regionCode()).isEqualTo("1704");
        List<String> replies = FakePlatform.awaitWhatsApp(from, 2);
        assertThat(replies.get(0)).startsWith("Di kabupaten/kota mana?");
        assertThat(replies.get(1)).contains(complaint.trackingNumber());
    }

    static long conversations(String from) {
        return Sql.count("select count(*) from intake.chat_conversation where conversation_key = ?",
                "whatsapp:" + from);
    }
}
