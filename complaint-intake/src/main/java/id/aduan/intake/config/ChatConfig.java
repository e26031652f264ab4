package id.aduan.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The chat bridges' settings ({@code aduan.intake.chat.*}). A bridge whose secret is not set is switched off: its
 * webhook answers 404. Secrets and tokens come from the environment, never from a committed file.
 */
@ConfigMapping(prefix = "aduan.intake.chat")
public interface ChatConfig {

    Telegram telegram();

    WhatsApp whatsapp();

    /** A conversation untouched this long is forgotten: the next message starts a new complaint. */
    @WithDefault("24h")
    Duration conversationExpiry();

    /** How many times the bot asks again for a region or category it could not read before it goes on without. */
    @WithDefault("2")
    int maxReasks();

    /**
     * A conversation still marked as being submitted after this long (intake stopped in between) is offered to the
     * citizen to send again.
     */
    @WithDefault("2m")
    Duration submittingStaleAfter();

    /** How long handled platform message ids are kept to ignore redeliveries (WhatsApp retries up to 7 days). */
    @WithDefault("8d")
    Duration processedRetention();

    /** How often expired conversations and old message ids are removed (read by its {@code @Scheduled}). */
    @WithDefault("10m")
    String purgeEvery();

    Replies replies();

    interface Telegram {

        /** The secret given to setWebhook; Telegram sends it in X-Telegram-Bot-Api-Secret-Token. */
        Optional<String> secretToken();

        /** The bot's token, for sendMessage. Without it, the bridge receives but does not answer. */
        Optional<String> botToken();

        @WithDefault("https://api.telegram.org")
        URI apiBaseUrl();
    }

    interface WhatsApp {

        /** The verify token entered in the Meta app's webhook settings (GET handshake). */
        Optional<String> verifyToken();

        /** The Meta app secret: the key of X-Hub-Signature-256. */
        Optional<String> appSecret();

        /** A (system user) access token for the Cloud API. Without it, the bridge receives but does not answer. */
        Optional<String> accessToken();

        @WithDefault("https://graph.facebook.com")
        URI apiBaseUrl();

        @WithDefault("v21.0")
        String apiVersion();
    }

    interface Replies {

        /** Further attempts after a reply failed with a network error, 429 or 5xx. */
        @WithDefault("3")
        int retries();

        /** The first pause between attempts; it doubles each time. */
        @WithDefault("500ms")
        Duration backoff();

        /** How long one attempt may take. */
        @WithDefault("5s")
        Duration timeout();
    }
}
