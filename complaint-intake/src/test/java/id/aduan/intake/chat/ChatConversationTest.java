package id.aduan.intake.chat;

import static id.aduan.intake.rest.webhook.ChatWebhooks.bigId;
import static id.aduan.intake.rest.webhook.ChatWebhooks.marker;
import static id.aduan.intake.rest.webhook.ChatWebhooks.payload;
import static id.aduan.intake.rest.webhook.ChatWebhooks.postTelegram;
import static id.aduan.intake.rest.webhook.ChatWebhooks.submitted;
import static id.aduan.intake.rest.webhook.ChatWebhooks.submittedNow;
import static id.aduan.intake.rest.webhook.ChatWebhooks.telegramLocation;
import static id.aduan.intake.rest.webhook.ChatWebhooks.telegramPhoto;
import static id.aduan.intake.rest.webhook.ChatWebhooks.telegramText;
import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.events.Category;
import id.aduan.events.ComplaintSnapshot;
import id.aduan.intake.rest.webhook.ChatWebhooks;
import id.aduan.intake.rest.webhook.FakeChatPlatforms;
import id.aduan.intake.rest.webhook.FakePlatform;
import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.Sql;
import id.aduan.testing.TestOidc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The conversation behind both bridges, driven through the Telegram webhook: where its state lives, how long, what
 * happens when two messages of one sender arrive at once, and when it stops asking.
 */
@QuarkusTest
@WithTestResource(TestOidc.class)
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
@WithTestResource(FakeChatPlatforms.class)
class ChatConversationTest {

    private static final String WITHOUT_REGION = "Jalan berlubang besar di depan rumah saya, bahaya untuk motor. ";

    /** A conversation as an earlier intake process left it in the database (it is all intake remembers). */
    private static void leftByAnEarlierProcess(long chat, String step, String description, String regionCode,
            String age) {
        Sql.execute("insert into intake.chat_conversation (conversation_key, channel, step, description, region_code,"
                + " attempts, updated_at) values (?, 'telegram', ?, ?, ?, 0, now() - cast(? as interval))",
                "telegram:" + chat, step, description, regionCode, age);
    }

    private static long conversations(long chat) {
        return Sql.count("select count(*) from intake.chat_conversation where conversation_key = ?", "telegram:" + chat);
    }

    @Test
    void aConversationLeftInTheDatabaseBeforeARestartContinues() {
        long chat = bigId();
        String marker = marker();
        leftByAnEarlierProcess(chat, "ASK_REGION", WITHOUT_REGION + "Laporan " + marker, null, "1 minute");

        postTelegram(telegramText(bigId(), chat, "Kabupaten Lebong")).statusCode(200);

        ComplaintSnapshot complaint = payload(submitted(marker, 1).get(0)).complaint();
        assertThat(complaint.regionCode()).isEqualTo("1707");
        assertThat(complaint.description()).isEqualTo(WITHOUT_REGION.strip() + " Laporan " + marker);
        assertThat(FakePlatform.awaitTelegram(chat, 1).get(0)).contains(complaint.trackingNumber());
        assertThat(conversations(chat)).isZero();
    }

    @Test
    void eachMessageReadsTheConversationFromTheDatabaseNotFromMemory() {
        long chat = bigId();
        String first = marker();
        String second = marker();
        postTelegram(telegramText(bigId(), chat, WITHOUT_REGION + "Laporan " + first)).statusCode(200);
        FakePlatform.awaitTelegram(chat, 1);
        // Only the row knows what was said: change it, and the next message goes on from the row.
        Sql.execute("update intake.chat_conversation set description = ? where conversation_key = ?",
                WITHOUT_REGION + "Laporan " + second, "telegram:" + chat);

        postTelegram(telegramText(bigId(), chat, "Seluma")).statusCode(200);

        assertThat(submitted(second, 1)).hasSize(1);
        assertThat(submittedNow(first)).isEmpty();
    }

    @Test
    void anExpiredConversationIsForgottenAndTheNextMessageStartsAnew() {
        long chat = bigId();
        String marker = marker();
        leftByAnEarlierProcess(chat, "ASK_REGION", WITHOUT_REGION + "Laporan " + marker, null, "25 hours");

        postTelegram(telegramText(bigId(), chat, "Kota Bengkulu")).statusCode(200);

        assertThat(FakePlatform.awaitTelegram(chat, 1).get(0)).startsWith("Halo!");
        assertThat(submittedNow(marker)).isEmpty();
        assertThat(conversations(chat)).isZero();
    }

    @Test
    void twoAnswersOfOneSenderAtOncePublishOnlyOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<String> markers = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                long chat = bigId();
                String marker = marker();
                markers.add(marker);
                leftByAnEarlierProcess(chat, "ASK_REGION", WITHOUT_REGION + "Laporan " + marker, null, "1 minute");
                CyclicBarrier together = new CyclicBarrier(2);
                List<CompletableFuture<Integer>> calls = List.of("kota bkl", "Kota Bengkulu").stream()
                        .map(answer -> CompletableFuture.supplyAsync(() -> {
                            try {
                                together.await(5, TimeUnit.SECONDS);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            return postTelegram(telegramText(bigId(), chat, answer)).extract().statusCode();
                        }, pool)).toList();
                for (CompletableFuture<Integer> call : calls) {
                    assertThat(call.get(30, TimeUnit.SECONDS)).isEqualTo(200);
                }
            }
            for (String marker : markers) {
                assertThat(submitted(marker, 1)).as("complaint " + marker).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoFirstMessagesOfANewSenderAtOnceLeaveOneConversation() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                long chat = bigId();
                CyclicBarrier together = new CyclicBarrier(2);
                List<CompletableFuture<Integer>> calls = List.of(marker(), marker()).stream()
                        .map(marker -> CompletableFuture.supplyAsync(() -> {
                            try {
                                together.await(5, TimeUnit.SECONDS);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            return postTelegram(telegramText(bigId(), chat, WITHOUT_REGION + "Laporan " + marker))
                                    .extract().statusCode();
                        }, pool)).toList();
                for (CompletableFuture<Integer> call : calls) {
                    assertThat(call.get(30, TimeUnit.SECONDS)).isEqualTo(200);
                }
                assertThat(conversations(chat)).isEqualTo(1);
                assertThat(FakePlatform.awaitTelegram(chat, 2)).hasSize(2);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSameUpdateTwiceAtOnceIsHandledOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            long chat = bigId();
            String marker = marker();
            String update = telegramText(bigId(), chat,
                    "Jalan berlubang besar di Kota Bengkulu dekat pasar, bahaya untuk motor. Laporan " + marker);
            CyclicBarrier together = new CyclicBarrier(2);
            List<CompletableFuture<Integer>> calls = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() -> {
                try {
                    together.await(5, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return postTelegram(update).extract().statusCode();
            }, pool)).toList();
            for (CompletableFuture<Integer> call : calls) {
                assertThat(call.get(30, TimeUnit.SECONDS)).isEqualTo(200);
            }
            assertThat(submitted(marker, 1)).hasSize(1);
            ChatWebhooks.awaitRepliesDone();
            assertThat(FakePlatform.telegramTo(chat)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aComplaintNotSavedIsSentAgainOnKirimUlang() {
        long chat = bigId();
        String marker = marker();
        leftByAnEarlierProcess(chat, "NOT_SAVED", WITHOUT_REGION + "Laporan " + marker, "1703", "1 minute");

        postTelegram(telegramText(bigId(), chat, "halo, bagaimana?")).statusCode(200);
        assertThat(FakePlatform.awaitTelegram(chat, 1).get(0)).contains("BELUM tersimpan", "kirim ulang");
        assertThat(submittedNow(marker)).isEmpty();

        postTelegram(telegramText(bigId(), chat, "Kirim ulang")).statusCode(200);
        ComplaintSnapshot complaint = payload(submitted(marker, 1).get(0)).complaint();
        assertThat(complaint.regionCode()).isEqualTo("1703");
        assertThat(FakePlatform.awaitTelegram(chat, 2).get(1)).contains(complaint.trackingNumber());
        assertThat(conversations(chat)).isZero();
    }

    @Test
    void aSubmissionInProgressIsNotRepeatedButAStuckOneIsOfferedAgain() {
        long chat = bigId();
        String marker = marker();
        leftByAnEarlierProcess(chat, "SUBMITTING", WITHOUT_REGION + "Laporan " + marker, "1771", "5 seconds");
        postTelegram(telegramText(bigId(), chat, "kirim ulang")).statusCode(200);
        assertThat(FakePlatform.awaitTelegram(chat, 1).get(0)).contains("sedang diproses");
        // On its way to Kafka it cannot be cancelled any more.
        postTelegram(telegramText(bigId(), chat, "batal")).statusCode(200);
        assertThat(FakePlatform.awaitTelegram(chat, 2).get(1)).contains("sedang diproses");
        assertThat(conversations(chat)).isEqualTo(1);
        assertThat(submittedNow(marker)).isEmpty();

        // Intake stopped between taking it and Kafka's answer: after a while the citizen may send it again.
        Sql.execute("update intake.chat_conversation set updated_at = now() - interval '5 minutes'"
                + " where conversation_key = ?", "telegram:" + chat);
        postTelegram(telegramText(bigId(), chat, "kirim ulang")).statusCode(200);
        assertThat(submitted(marker, 1)).hasSize(1);
    }

    @Test
    void aRegionNeverUnderstoodEndsTheConversationAfterTwoMoreQuestions() {
        long chat = bigId();
        String marker = marker();
        postTelegram(telegramText(bigId(), chat, WITHOUT_REGION + "Laporan " + marker)).statusCode(200);
        postTelegram(telegramText(bigId(), chat, "Jakarta")).statusCode(200);
        postTelegram(telegramText(bigId(), chat, "pokoknya di sini")).statusCode(200);
        assertThat(conversations(chat)).isEqualTo(1);
        postTelegram(telegramText(bigId(), chat, "Mars")).statusCode(200);

        List<String> replies = FakePlatform.awaitTelegram(chat, 4);
        assertThat(replies.get(1)).startsWith("Maaf, kabupaten/kota itu tidak kami kenali.");
        assertThat(replies.get(2)).startsWith("Maaf, kabupaten/kota itu tidak kami kenali.");
        assertThat(replies.get(3)).startsWith("Tanpa kabupaten/kota");
        assertThat(conversations(chat)).isZero();
        assertThat(submittedNow(marker)).isEmpty();
    }

    @Test
    void aCategoryNeverChosenGoesToTriageAfterTwoMoreQuestions() {
        long chat = bigId();
        String marker = marker();
        postTelegram(telegramText(bigId(), chat,
                "Tolong ditindaklanjuti pak, di Kota Bengkulu sudah lama sekali. Laporan " + marker)).statusCode(200);
        for (String answer : List.of("entahlah", "tidak tahu", "terserah")) {
            postTelegram(telegramText(bigId(), chat, answer)).statusCode(200);
        }
        ComplaintSnapshot complaint = payload(submitted(marker, 1).get(0)).complaint();
        assertThat(complaint.needsTriage()).isTrue();
        assertThat(complaint.normalization().triageReasons()).contains("category-unclear");
        assertThat(complaint.normalization().categorySource()).isEqualTo("text");
        assertThat(complaint.regionCode()).isEqualTo("1771");
    }

    @Test
    void aLocationFirstThenTheWordsMakeAComplaintAtThatPoint() {
        long chat = bigId();
        String marker = marker();
        postTelegram(telegramLocation(bigId(), chat, -3.7956, 102.2592)).statusCode(200);
        assertThat(FakePlatform.awaitTelegram(chat, 1).get(0)).startsWith("Lokasi diterima.");
        postTelegram(telegramText(bigId(), chat, WITHOUT_REGION + "Laporan " + marker)).statusCode(200);

        ComplaintSnapshot complaint = payload(submitted(marker, 1).get(0)).complaint();
        assertThat(complaint.regionCode()).isEqualTo("1771");
        assertThat(complaint.location().latitude()).isEqualTo(-3.7956);
        assertThat(complaint.category()).isEqualTo(Category.ROAD);
    }

    @Test
    void aPhotoWithoutCaptionWaitsForTheWords() {
        long chat = bigId();
        String marker = marker();
        String photo = telegramPhoto(bigId(), chat, "x").replace(",\n\"caption\":\"x\"", "")
                .replace("\"caption\":\"x\"", "\"has_media_spoiler\":false");
        postTelegram(photo).statusCode(200);
        assertThat(FakePlatform.awaitTelegram(chat, 1).get(0)).startsWith("Foto diterima.");
        postTelegram(telegramText(bigId(), chat,
                "Jalan berlubang besar di Kota Bengkulu dekat pasar, bahaya untuk motor. Laporan " + marker))
                .statusCode(200);
        ComplaintSnapshot complaint = payload(submitted(marker, 1).get(0)).complaint();
        assertThat(Sql.value("select c.file_ref from intake.chat_attachment c join intake.complaint_status s"
                + " using (complaint_id) where s.tracking_number = ?", complaint.trackingNumber()))
                .isEqualTo("AgACAgUAAxkBAAIBlarge");
    }

    @Test
    void startAndGreetingsGetTheIntroductionAndKeepNothing() {
        long chat = bigId();
        postTelegram(telegramText(bigId(), chat, "/start")).statusCode(200);
        postTelegram(telegramText(bigId(), chat, "halo")).statusCode(200);
        postTelegram(telegramText(bigId(), chat, "batal")).statusCode(200);
        List<String> replies = FakePlatform.awaitTelegram(chat, 3);
        assertThat(replies.get(0)).startsWith("Halo!");
        assertThat(replies.get(1)).startsWith("Halo!");
        assertThat(replies.get(2)).isEqualTo("Tidak ada pengaduan yang sedang dibuat.");
        assertThat(conversations(chat)).isZero();
    }

    @Test
    void aSenderOverTheRateLimitIsNotProcessedAndToldOnce() {
        int capacity = ConfigProvider.getConfig().getValue("aduan.intake.rate-limit.chat.capacity", Integer.class);
        assertThat(capacity).isEqualTo(FakeChatPlatforms.CHAT_CAPACITY);
        long chat = bigId();
        String marker = marker();
        for (int i = 0; i < capacity; i++) {
            postTelegram(telegramText(bigId(), chat, "halo")).statusCode(200);
        }
        postTelegram(telegramText(bigId(), chat,
                "Jalan berlubang besar di Kota Bengkulu dekat pasar, bahaya untuk motor. Laporan " + marker))
                .statusCode(200);
        postTelegram(telegramText(bigId(), chat, "status ADU-0000-0000-0000-0000")).statusCode(200);

        List<String> replies = FakePlatform.awaitTelegram(chat, capacity + 1);
        assertThat(replies.get(capacity)).startsWith("Anda mengirim terlalu banyak pesan.");
        assertThat(submittedNow(marker)).isEmpty();
        ChatWebhooks.awaitRepliesDone();
        assertThat(FakePlatform.telegramTo(chat)).hasSize(capacity + 1);
        // Another sender is not affected.
        long other = bigId();
        postTelegram(telegramText(bigId(), other, "/start")).statusCode(200);
        assertThat(FakePlatform.awaitTelegram(other, 1).get(0)).startsWith("Halo!");
    }
}
