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
 * Without Kafka the outcome is unknown: the citizen is told the complaint is kept but not yet confirmed, the webhook
 * still answers 200 (the platform must not redeliver), "kirim ulang" is the same complaint (never a second one),
 * and "batal" cannot take it back any more.
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
                    "mp.messaging.outgoing.outbox.max.block.ms", "1000",
                    "mp.messaging.outgoing.outbox.delivery.timeout.ms", "2000",
                    "mp.messaging.outgoing.outbox.request.timeout.ms", "1000",
                    "aduan.intake.publish-timeout", "3s");
        }
    }

    @Test
    void theCitizenIsToldItIsKeptAndKirimUlangIsTheSameComplaint() {
        long chat = bigId();
        String marker = marker();
        postTelegram(telegramText(bigId(), chat,
                "Jalan berlubang besar di Kota Bengkulu dekat pasar, bahaya untuk motor. Laporan " + marker))
                .statusCode(200);

        assertThat(FakePlatform.awaitTelegram(chat, 1).get(0)).contains("sudah kami catat", "kirim ulang");
        assertThat(Sql.value("select step from intake.chat_conversation where conversation_key = ?",
                "telegram:" + chat)).isEqualTo("PENDING");
        assertThat(reserved(marker)).isOne();

        postTelegram(telegramText(bigId(), chat, "batal")).statusCode(200);
        assertThat(FakePlatform.awaitTelegram(chat, 2).get(1)).contains("tidak dapat dibatalkan", "kirim ulang");

        postTelegram(telegramText(bigId(), chat, "kirim ulang")).statusCode(200);
        List<String> replies = FakePlatform.awaitTelegram(chat, 3);
        // Still in progress (409) or still unknown: either way no second complaint.
        assertThat(replies.get(2)).containsAnyOf("sudah kami catat", "sedang diproses");
        assertThat(reserved(marker)).isOne();
        assertThat(Sql.value("select description from intake.chat_conversation where conversation_key = ?",
                "telegram:" + chat)).asString().contains(marker);
        // The chat id is personal data: never part of the idempotency key.
        assertThat(Sql.count("select count(*) from intake.idempotency_key where idempotency_key like ?",
                "%" + chat + "%")).isZero();
    }

    private static long reserved(String marker) {
        return Sql.count("select count(*) from intake.complaint_status where description like ? and not confirmed",
                "%" + marker + "%");
    }
}
