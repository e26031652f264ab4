package id.aduan.inbox.messaging;

import id.aduan.events.CitizenResponded;
import id.aduan.events.ComplaintAction;
import id.aduan.events.EventEnvelope;
import id.aduan.inbox.domain.ActionRequest;
import id.aduan.inbox.domain.InboxActions;
import id.aduan.support.messaging.PoisonEventException;
import id.aduan.support.messaging.ProcessedEvents;
import id.aduan.support.messaging.Retrying;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The citizen's answers (CitizenResponded, from intake) applied through the inbox's state machine, once each; the
 * result goes out as ComplaintStatusChanged through the outbox, like a staff action.
 */
@ApplicationScoped
public class CitizenResponsesConsumer {

    static final String CONSUMER = "inbox-citizen";

    @Inject
    InboxActions actions;

    @Incoming("citizen-responses")
    public Uni<Void> consume(EventEnvelope event) {
        return Retrying.untilDone("citizen's answer " + event.eventId(), () -> apply(event));
    }

    @WithTransaction
    Uni<Void> apply(EventEnvelope event) {
        CitizenResponded answer = event.payload(CitizenResponded.class).orElse(null);
        if (answer == null) {
            return Uni.createFrom().voidItem();
        }
        ComplaintAction action = switch (String.valueOf(answer.kind())) {
            case CitizenResponded.REPLY -> ComplaintAction.CITIZEN_REPLY;
            case CitizenResponded.CONFIRM -> ComplaintAction.CITIZEN_CONFIRM;
            case CitizenResponded.REOPEN -> ComplaintAction.CITIZEN_REOPEN;
            default -> null;
        };
        if (action == null) {
            return Uni.createFrom().failure(new PoisonEventException("CitizenResponded " + event.eventId()
                    + " has an unknown kind: " + answer.kind()));
        }
        return ProcessedEvents.claim(CONSUMER, event.eventId()).chain(first -> first
                ? actions.applyCitizen(event.complaintId(), new ActionRequest(action, answer.message(), null, null,
                        null, null, answer.rating()))
                : Uni.createFrom().voidItem());
    }
}
