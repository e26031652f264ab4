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

/**
 * The bot's answers through the WhatsApp Cloud API: POST {base}/{version}/{phone_number_id}/messages with the access
 * token as bearer, {messaging_product: "whatsapp", to, type: "text", text: {body}}.
 */
@ApplicationScoped
public class WhatsAppReplies {

    private static final Logger LOG = Logger.getLogger(WhatsAppReplies.class);

    @Inject
    ChatConfig config;

    @Inject
    ChatReplySender sender;

    @Inject
    ObjectMapper json;

    /**
     * One reply.
     *
     * @param phoneNumberId the business number the message came to (digits only, checked when read)
     * @param to            the citizen's number (digits only, checked when read)
     */
    record Reply(String phoneNumberId, String to, String text, String senderHash) {

        @Override
        public String toString() {
            return "Reply[to " + senderHash + "]";
        }
    }

    /** Sends the replies in the background, in the order given. Never throws: the messages are handled already. */
    void send(List<Reply> replies) {
        if (replies.isEmpty()) {
            return;
        }
        String token = config.whatsapp().accessToken().filter(t -> !t.isBlank()).orElse(null);
        if (token == null) {
            LOG.warnf("No WhatsApp access token configured: %d replies not sent", replies.size());
            return;
        }
        try {
            String base = TelegramReplies.stripSlash(config.whatsapp().apiBaseUrl().toString()) + "/"
                    + config.whatsapp().apiVersion() + "/";
            sender.sendInBackground("WhatsApp", replies.stream().map(reply -> new ChatReplySender.Outgoing(
                    reply.senderHash(), HttpRequest.newBuilder(URI.create(base + reply.phoneNumberId() + "/messages"))
                            .timeout(sender.timeout())
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + token)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body(Map.of("messaging_product",
                                    "whatsapp", "to", reply.to(), "type", "text", "text",
                                    Map.of("body", reply.text())))))
                            .build())).toList());
        } catch (RuntimeException e) {
            LOG.warnf("WhatsApp replies not sent (check api-base-url and api-version): %s", e.getClass().getName());
        }
    }

    private byte[] body(Map<String, Object> message) {
        try {
            return json.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
