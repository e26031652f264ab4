package id.aduan.intake.chat;

import static id.aduan.intake.rest.webhook.ChatWebhooks.bigId;
import static id.aduan.intake.rest.webhook.ChatWebhooks.marker;
import static id.aduan.intake.rest.webhook.ChatWebhooks.postTelegram;
import static id.aduan.intake.rest.webhook.ChatWebhooks.telegramText;
import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.intake.rest.webhook.FakeChatPlatforms;
import id.aduan.intake.rest.webhook.FakePlatform;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.Sql;
import id.aduan.testing.TestOidc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Without Kafka nothing is promised: the citizen is told the complaint is NOT saved yet, the webhook still answers
 * 200 (the platform must not redeliver), and the conversation waits for "kirim ulang".
 */
@QuarkusTest
@WithTestResource(TestOidc.class)
@TestProfile(ConversationBrokerDownTest.NoBroker.class)
@WithTestResource(RealPostgres.class)
@WithTestResource(FakeChatPlatforms.class)
class ConversationBrokerDownTest {

    /** No broker listens: every publication times out (as in BrokerDownTest). */
    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "kafka.bootstrap.servers", "127.0.0.1:1",
                    "mp.messaging.outgoing.complaints-submitted.max.block.ms", "1000",
                    "mp.messaging.outgoing.complaints-submitted.delivery.timeout.ms", "2000",
                    "mp.messaging.outgoing.complaints-submitted.request.timeout.ms", "1000",
                    "aduan.intake.publish-timeout", "3s");
        }
    }

    @Test
    void theCitizenIsToldItIsNotSavedAndMaySendItAgain() {
        long chat = bigId();
        String marker = marker();
        postTelegram(telegramText(bigId(), chat,
                "Jalan berlubang besar di Kota Bengkulu dekat pasar, bahaya untuk motor. Laporan " + marker))
                .statusCode(200);

        assertThat(FakePlatform.awaitTelegram(chat, 1).get(0)).contains("BELUM tersimpan", "kirim ulang");
        assertThat(Sql.value("select step from intake.chat_conversation where conversation_key = ?",
                "telegram:" + chat)).isEqualTo("NOT_SAVED");
        assertThat(Sql.count("select count(*) from intake.complaint_status where description like ?",
                "%" + marker + "%")).isZero();

        postTelegram(telegramText(bigId(), chat, "kirim ulang")).statusCode(200);
        List<String> replies = FakePlatform.awaitTelegram(chat, 2);
        assertThat(replies.get(1)).contains("BELUM tersimpan");
        // Still kept, with the citizen's words, for the next try.
        assertThat(Sql.value("select description from intake.chat_conversation where conversation_key = ?",
                "telegram:" + chat)).asString().contains(marker);
        assertThat(Sql.count("select count(*) from intake.complaint_status where description like ?",
                "%" + marker + "%")).isZero();
    }
}
