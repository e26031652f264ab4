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
     * @param phoneNumberId the business number the message came to (digits only, checked when read)
     * @param to            the citizen's number (digits only, checked when read)
     */
    void send(String phoneNumberId, String to, List<String> texts, String senderHash) {
        if (texts.isEmpty()) {
            return;
        }
        String token = config.whatsapp().accessToken().filter(t -> !t.isBlank()).orElse(null);
        if (token == null) {
            LOG.warnf("No WhatsApp access token configured: %d replies to sender %s not sent", texts.size(),
                    senderHash);
            return;
        }
        URI uri = URI.create(TelegramReplies.stripSlash(config.whatsapp().apiBaseUrl().toString()) + "/"
                + config.whatsapp().apiVersion() + "/" + phoneNumberId + "/messages");
        sender.sendInBackground("WhatsApp", senderHash, texts, text -> HttpRequest.newBuilder(uri)
                .timeout(sender.timeout())
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(Map.of("messaging_product", "whatsapp",
                        "to", to, "type", "text", "text", Map.of("body", text)))))
                .build());
    }

    private byte[] body(Map<String, Object> message) {
        try {
            return json.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
