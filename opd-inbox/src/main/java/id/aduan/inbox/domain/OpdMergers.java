package id.aduan.inbox.domain;

import id.aduan.support.messaging.EventPublisher;
import id.aduan.events.ComplaintStatus;
import id.aduan.events.EventEnvelope;
import id.aduan.events.OpdMerged;
import id.aduan.events.Wib;
import id.aduan.inbox.persistence.ComplaintEventRepository;
import id.aduan.inbox.persistence.OpdSuccessionRepository;
import id.aduan.inbox.persistence.OpdSuccessionRepository.Moved;
import id.aduan.inbox.persistence.OpdSuccessionRepository.Successor;
import id.aduan.support.messaging.PoisonEventException;
import id.aduan.support.messaging.ProcessedEvents;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * OPD mergers (OpdMerged, from routing-service's directory), once each and in one transaction: records the
 * succession, moves the merged OPDs' open complaints to the successor (each with a history step and a TRANSFER
 * event through the outbox) and hands their liaison work to it. Resolved and closed complaints stay under the old
 * OPD: that is their history.
 */
@ApplicationScoped
public class OpdMergers {

    static final String CONSUMER = "inbox-directory";

    private static final Logger LOG = Logger.getLogger(OpdMergers.class);

    @Inject
    OpdSuccessionRepository successions;

    @Inject
    ComplaintEventRepository history;

    @Inject
    EventPublisher publisher;

    @Inject
    Clock clock;

    @WithTransaction
    public Uni<Void> apply(EventEnvelope event) {
        OpdMerged merged = event.payload(OpdMerged.class).orElse(null);
        if (merged == null) {
            return Uni.createFrom().voidItem(); // another directory event, or a type this version does not know
        }
        if (merged.fromOpdCodes() == null || merged.fromOpdCodes().isEmpty()
                || merged.fromOpdCodes().stream().anyMatch(Objects::isNull) || merged.intoOpdCode() == null
                || merged.effectiveOn() == null || merged.fromOpdCodes().contains(merged.intoOpdCode())) {
            return Uni.createFrom().failure(new PoisonEventException("OpdMerged " + event.eventId()
                    + " lacks its OPDs or date, or merges an OPD into itself"));
        }
        return ProcessedEvents.claim(CONSUMER, event.eventId())
                .chain(first -> first ? merge(event, merged) : Uni.createFrom().voidItem());
    }

    private Uni<Void> merge(EventEnvelope event, OpdMerged merged) {
        OffsetDateTime now = Wib.now(clock);
        List<String> from = List.copyOf(new LinkedHashSet<>(merged.fromOpdCodes()));
        Successor announced = new Successor(merged.intoOpdCode(), merged.intoOpdName(), merged.intoLiaisonOpdCode(),
                merged.effectiveOn());
        Uni<Void> recorded = Multi.createFrom().iterable(from)
                .onItem().transformToUniAndConcatenate(code -> successions.record(code, announced, event.eventId()))
                .collect().last().replaceWithVoid();
        return recorded
                .chain(() -> holderNow(announced, now.toLocalDate()))
                .chain(holder -> {
                    if (from.contains(holder.code())) {
                        return Uni.createFrom().failure(new PoisonEventException("OpdMerged " + event.eventId()
                                + " leads back to a merged OPD: " + holder.code()));
                    }
                    return successions.moveOpen(from, holder)
                            .call(moved -> transferEach(event, moved, holder, merged.effectiveOn(), now))
                            .chain(moved -> successions.moveLiaison(from, holder.code())
                                    .invoke(liaisons -> LOG.infof("OPD merger %s: %d open complaints of %s moved to"
                                            + " %s, %d followed up by it as liaison", event.eventId(), moved.size(),
                                            from, holder.code(), liaisons.size())));
                })
                .replaceWithVoid();
    }

    /**
     * The announced successor, or where it merged since (directory events are keyed by change, so two mergers may be
     * read out of order): moved complaints go straight to whoever holds the work today.
     */
    private Uni<Successor> holderNow(Successor announced, LocalDate today) {
        LocalDate day = today.isBefore(announced.effectiveOn()) ? announced.effectiveOn() : today;
        return successions.successorOf(announced.code(), day)
                .map(later -> later == null ? announced : later)
                .chain(holder -> holder.liaison() == null ? Uni.createFrom().item(holder)
                        : successions.successorOf(holder.liaison(), day).map(liaison -> liaison == null ? holder
                                : new Successor(holder.code(), holder.name(), liaison.code(), holder.effectiveOn())));
    }

    private Uni<Void> transferEach(EventEnvelope merger, List<Moved> moved, Successor holder, LocalDate effectiveOn,
            OffsetDateTime now) {
        // One after the other: a reactive session runs one statement at a time.
        return Multi.createFrom().iterable(moved)
                .onItem().transformToUniAndConcatenate(m -> Transfers.record(history, publisher, merger.eventId(), m.id(),
                        m.trackingNumber(), ComplaintStatus.valueOf(m.status()), holder,
                        Transfers.reason(m.fromCode(), holder.code(), effectiveOn), now))
                .collect().last().replaceWithVoid();
    }
}
