package id.aduan.intake.rest.webhook;

import id.aduan.intake.chat.Failures;
import id.aduan.intake.config.ChatConfig;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Sends the bot's replies through a platform's API, in order, in the background: the webhook has answered 200
 * already, so that a platform whose send API is down does not make it retry its delivery. A network error, 429 or a
 * 5xx is retried a few times with back-off; any other refusal is logged and dropped. Logs name the sender only by
 * its hash, and never the URL (the Telegram URL holds the bot token).
 */
@ApplicationScoped
public class ChatReplySender {

    private static final Logger LOG = Logger.getLogger(ChatReplySender.class);

    @Inject
    ChatConfig config;

    /** Batches of replies still being sent or retried: 0 when nothing more will reach a platform. */
    private final AtomicInteger inFlight = new AtomicInteger();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** The platform refused a reply for good (4xx other than 429). */
    static final class Refused extends RuntimeException {

        Refused(int status) {
            super("HTTP " + status, null, false, false);
        }
    }

    /** A failure worth another attempt (network, 429, 5xx). */
    static final class Unavailable extends RuntimeException {

        Unavailable(String why) {
            super(why, null, false, false);
        }
    }

    /** One reply ready to go, and whom it is for (by pseudonym, for logs). */
    record Outgoing(String senderHash, HttpRequest request) {
    }

    /**
     * Sends the replies one after the other, in the background: a failed one (after its retries) is logged and the
     * next one is still sent.
     *
     * @param platform for logs: Telegram or WhatsApp
     */
    void sendInBackground(String platform, List<Outgoing> replies) {
        if (replies.isEmpty()) {
            return;
        }
        inFlight.incrementAndGet();
        Multi.createFrom().iterable(replies)
                .onItem().transformToUniAndConcatenate(reply -> send(reply.request())
                        .onFailure().invoke(e -> LOG.warnf("%s reply to sender %s not sent: %s", platform,
                                reply.senderHash(), e instanceof Refused || e instanceof Unavailable ? e.getMessage()
                                        : Failures.describe(e)))
                        .onFailure().recoverWithNull())
                .collect().last()
                .onTermination().invoke(inFlight::decrementAndGet)
                .subscribe().with(done -> { }, e -> LOG.warnf("%s replies not sent: %s", platform,
                        e.getClass().getSimpleName()));
    }

    /** One request, with its retries. */
    Uni<Void> send(HttpRequest request) {
        ChatConfig.Replies replies = config.replies();
        Uni<Void> attempt = Uni.createFrom().deferred(() -> Uni.createFrom()
                .completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding())))
                .onFailure().transform(e -> e instanceof IOException || e.getCause() instanceof IOException
                        ? new Unavailable(e.getClass().getSimpleName()) : e)
                .map(response -> {
                    int status = response.statusCode();
                    if (status == 429 || status >= 500) {
                        throw new Unavailable("HTTP " + status);
                    }
                    if (status >= 300) {
                        throw new Refused(status);
                    }
                    return null;
                })
                .replaceWithVoid();
        if (replies.retries() <= 0) {
            return attempt;
        }
        return attempt.onFailure(Unavailable.class).retry()
                .withBackOff(replies.backoff(), replies.backoff().multipliedBy(8))
                .atMost(replies.retries());
    }

    /** Reply batches not yet done (sent, or given up after their retries); tests wait for 0 before counting. */
    public int inFlight() {
        return inFlight.get();
    }

    Duration timeout() {
        return config.replies().timeout();
    }
}
