package id.aduan.intake.chat;

import id.aduan.intake.config.ChatConfig;
import id.aduan.intake.persistence.ChatConversationRepository;
import id.aduan.intake.persistence.ChatProcessedMessageRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.jboss.logging.Logger;

/**
 * Forgets what the chat bridges no longer need: conversations left unfinished (their words and the sender's id are
 * personal data) and message ids older than any platform redelivery.
 */
@ApplicationScoped
public class ChatHousekeeping {

    private static final Logger LOG = Logger.getLogger(ChatHousekeeping.class);

    @Inject
    ChatConfig config;

    @Inject
    ChatConversationRepository conversations;

    @Inject
    ChatProcessedMessageRepository processed;

    @Inject
    Clock clock;

    @Scheduled(every = "${aduan.intake.chat.purge-every:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @WithTransaction
    public Uni<Void> purge() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return conversations.deleteUpdatedBefore(now.minus(config.conversationExpiry()))
                .chain(conversationsPurged -> processed.deleteProcessedBefore(now.minus(config.processedRetention()))
                        .invoke(messagesPurged -> {
                            if (conversationsPurged > 0 || messagesPurged > 0) {
                                LOG.infof("Purged %d expired chat conversations and %d old chat message ids",
                                        conversationsPurged, messagesPurged);
                            }
                        }))
                .replaceWithVoid();
    }
}
