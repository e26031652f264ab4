package id.aduan.intake.chat;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.intake.rest.webhook.ChatWebhooks;
import id.aduan.intake.rest.webhook.FakeChatPlatforms;
import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.Sql;
import id.aduan.testing.TestOidc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TestOidc.class)
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
@WithTestResource(FakeChatPlatforms.class)
class ConversationHousekeepingTest {

    @Inject
    ChatHousekeeping housekeeping;

    @Test
    void expiredConversationsAndOldMessageIdsAreForgottenRecentOnesKept() throws Throwable {
        String expired = "telegram:" + ChatWebhooks.bigId();
        String recent = "whatsapp:" + ChatWebhooks.waId();
        conversation(expired, "25 hours");
        conversation(recent, "23 hours");
        String oldMessage = "whatsapp:" + ChatWebhooks.wamid();
        String newMessage = "telegram:" + ChatWebhooks.bigId();
        Sql.execute("insert into intake.chat_processed_message (message_key, processed_at)"
                + " values (?, now() - interval '9 days'), (?, now() - interval '6 days')", oldMessage, newMessage);

        VertxContextSupport.subscribeAndAwait(housekeeping::purge);

        assertThat(count("chat_conversation", "conversation_key", expired)).isZero();
        assertThat(count("chat_conversation", "conversation_key", recent)).isEqualTo(1);
        assertThat(count("chat_processed_message", "message_key", oldMessage)).isZero();
        assertThat(count("chat_processed_message", "message_key", newMessage)).isEqualTo(1);
    }

    private static void conversation(String key, String age) {
        Sql.execute("insert into intake.chat_conversation (conversation_key, channel, step, description, attempts,"
                + " updated_at) values (?, 'telegram', 'ASK_REGION', 'Jalan berlubang di depan rumah', 0,"
                + " now() - cast(? as interval))", key, age);
    }

    private static long count(String table, String column, String key) {
        return Sql.count("select count(*) from intake." + table + " where " + column + " = ?", key);
    }
}
