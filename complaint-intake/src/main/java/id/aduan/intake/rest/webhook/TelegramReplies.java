package id.aduan.intake.rest.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.aduan.intake.config.ChatConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/** The bot's answers through the Telegram Bot API: POST {base}/bot{token}/sendMessage {chat_id, text}. */
@ApplicationScoped
public class TelegramReplies {

    private static final Logger LOG = Logger.getLogger(TelegramReplies.class);

    @Inject
    ChatConfig config;

    @Inject
    ChatReplySender sender;

    @Inject
    ObjectMapper json;

    /** Sends the texts in the background, in order. Never throws: the citizen's message is handled already. */
    void send(long chatId, List<String> texts, String senderHash) {
        if (texts.isEmpty()) {
            return;
        }
        String token = config.telegram().botToken().filter(t -> !t.isBlank()).orElse(null);
        if (token == null) {
            LOG.warnf("No Telegram bot token configured: %d replies to sender %s not sent", texts.size(), senderHash);
            return;
        }
        try {
            URI uri = URI.create(stripSlash(config.telegram().apiBaseUrl().toString()) + "/bot" + token
                    + "/sendMessage");
            sender.sendInBackground("Telegram", texts.stream().map(text -> new ChatReplySender.Outgoing(senderHash,
                    HttpRequest.newBuilder(uri)
                            .timeout(sender.timeout())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body(Map.of("chat_id", chatId, "text",
                                    text))))
                            .build())).toList());
        } catch (RuntimeException e) {
            // The URL holds the bot token: name neither it nor the exception's message.
            LOG.warnf("Telegram replies to sender %s not sent (check api-base-url and bot-token): %s", senderHash,
                    e.getClass().getName());
        }
    }

    private byte[] body(Map<String, Object> message) {
        try {
            return json.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String stripSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
