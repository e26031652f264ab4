package id.aduan.inbox.domain;

import id.aduan.events.Category;
import id.aduan.events.ComplaintAction;
import id.aduan.events.ComplaintSnapshot;
import id.aduan.events.Location;
import id.aduan.events.ComplaintStatus;
import id.aduan.events.ComplaintStatusChanged;
import id.aduan.events.EventEnvelope;
import id.aduan.events.Topics;
import id.aduan.events.Wib;
import id.aduan.inbox.persistence.ComplaintEventRecord;
import id.aduan.inbox.persistence.ComplaintEventRepository;
import id.aduan.inbox.persistence.InboxComplaint;
import id.aduan.inbox.persistence.InboxComplaintRepository;
import id.aduan.inbox.persistence.StaffMember;
import id.aduan.inbox.persistence.StaffMemberRepository;
import id.aduan.support.messaging.EventPublisher;
import id.aduan.support.problem.ProblemException;
import id.aduan.support.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.StaleObjectStateException;

/**
 * Staff actions on a complaint. Each one, in one transaction: checks that the complaint is in the caller's OPD
 * (else 404, whether or not it exists), that the state machine allows it (else 409), changes the complaint, adds a
 * step to its history, and puts its ComplaintStatusChanged event into the outbox. Two staff acting at once cannot
 * both win: the complaint's version makes the second commit fail (409), and nothing of it is kept.
 */
@ApplicationScoped
public class InboxActions {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(InboxActions.class);

    @Inject
    InboxComplaintRepository complaints;

    @Inject
    ComplaintEventRepository history;

    @Inject
    StaffMemberRepository staff;

    @Inject
    EventPublisher publisher;

    @Inject
    Clock clock;

    @WithTransaction
    public Uni<UUID> apply(UUID complaintId, Caller caller, ActionRequest request) {
        String opd = caller.opdForActions();
        return complaints.findInScope(complaintId, opd)
                .onItem().ifNull().failWith(() -> new ProblemException(404, "not-found"))
                .chain(complaint -> act(complaint, new Actor(caller.subject(), caller.username()), request))
                .onFailure(e -> e instanceof OptimisticLockException || e instanceof StaleObjectStateException)
                .transform(e -> new ProblemException(409, "concurrent-change"));
    }

    /** Who acts: a staff member (their token's subject and username), or the citizen. */
    public record Actor(String subject, String name) {

        public static final Actor CITIZEN = new Actor("citizen", "warga");
    }

    /**
     * The citizen's answer, as intake relays it (CitizenResponded): applied if the state machine allows it now; if
     * not (the OPD acted meanwhile), it is dropped and says so in the log. No OPD scope: the event names the
     * complaint.
     */
    @WithTransaction
    public Uni<Void> applyCitizen(UUID complaintId, ActionRequest request) {
        return complaints.findById(complaintId).chain(complaint -> {
            if (complaint == null
                    || ComplaintWorkflow.next(complaint.status, request.action()).isEmpty()) {
                LOG.infof("Citizen's %s for %s not applicable (status %s): dropped", request.action(), complaintId,
                        complaint == null ? "unknown" : complaint.status);
                return Uni.createFrom().voidItem();
            }
            return act(complaint, Actor.CITIZEN, request).replaceWithVoid();
        });
    }

    private Uni<UUID> act(InboxComplaint complaint, Actor actor, ActionRequest request) {
        if (request.expectedVersion() != null && request.expectedVersion() != complaint.version) {
            return Uni.createFrom().failure(new ProblemException(412, "stale-version", complaint.version));
        }
        ComplaintStatus previous = complaint.status;
        ComplaintStatus next = ComplaintWorkflow.next(previous, request.action()).orElse(null);
        if (next == null) {
            return Uni.createFrom().failure(new ProblemException(409, "invalid-transition",
                    request.action().name().toLowerCase(), previous.name()));
        }
        Uni<StaffMember> assignee = request.action() != ComplaintAction.ASSIGN ? Uni.createFrom().nullItem()
                : staff.inOpd(request.assigneeName(), complaint.opdCode).onItem().ifNull().failWith(() ->
                        new ProblemException(400, "unknown-assignee", request.assigneeName()));
        return assignee.chain(member -> record(complaint, actor, request, previous, next, member));
    }

    private Uni<UUID> record(InboxComplaint complaint, Actor actor, ActionRequest request,
            ComplaintStatus previous, ComplaintStatus next, StaffMember member) {
        OffsetDateTime now = Wib.now(clock);
        boolean changed = previous != next || member != null && !member.subject.equals(complaint.assigneeSubject);
        complaint.status = next;
        if (member != null) {
            complaint.assigneeSubject = member.subject;
            complaint.assigneeName = member.username;
        }
        if (next == ComplaintStatus.RESOLVED) {
            complaint.resolvedAt = now;
        }
        boolean reject = request.action() == ComplaintAction.REJECT;
        // A rejection carries the complaint and the OPDs that held it: routing sends it on from the event alone.
        Uni<java.util.List<String>> tried = reject ? history.opdsOf(complaint.id)
                : Uni.createFrom().item(java.util.List.<String>of());
        return tried.chain(opds -> record(complaint, actor, request, previous, next, member, now, changed, reject,
                opds));
    }

    private Uni<UUID> record(InboxComplaint complaint, Actor actor, ActionRequest request, ComplaintStatus previous,
            ComplaintStatus next, StaffMember member, OffsetDateTime now, boolean changed, boolean reject,
            java.util.List<String> triedOpds) {
        EventEnvelope event = EventEnvelope.of(UUID.randomUUID(), complaint.id, complaint.id, null,
                new ComplaintStatusChanged(complaint.trackingNumber, complaint.opdCode, previous, next,
                        request.action(), actor.subject(), reject ? request.internalNote() : null,
                        request.publicMessage(), reject ? request.suggestedOpd() : null,
                        member == null ? null : member.subject, request.rating(),
                        reject ? snapshot(complaint) : null, reject ? complaint.hop : null,
                        reject ? union(triedOpds, complaint.opdCode) : null),
                Clock.fixed(now.toInstant(), Wib.ZONE));

        ComplaintEventRecord step = new ComplaintEventRecord();
        step.eventId = event.eventId();
        step.complaintId = complaint.id;
        step.type = event.type();
        step.occurredAt = now;
        step.opdCode = complaint.opdCode;
        step.action = request.action().name();
        step.actor = actor.subject();
        step.actorName = actor.name();
        step.publicMessage = request.publicMessage();
        step.internalNote = request.internalNote();
        step.summary = member != null ? "assigned to " + member.username
                : previous + " → " + next + (request.rating() == null ? "" : ", rating " + request.rating());
        // Every action is a new version, a note too (it changes nothing else): a client's If-Match sees any change.
        Uni<Void> versioned = changed ? Uni.createFrom().voidItem() : complaints.getSession()
                .chain(session -> session.lock(complaint, LockModeType.OPTIMISTIC_FORCE_INCREMENT));
        return versioned
                .chain(() -> history.persist(step))
                .chain(() -> publisher.stage(Topics.COMPLAINTS_STATUS, event))
                .chain(complaints::flush)
                .replaceWith(complaint.id);
    }

    private static ComplaintSnapshot snapshot(InboxComplaint c) {
        return new ComplaintSnapshot(c.trackingNumber, Category.ofCode(c.category).orElse(Category.UNKNOWN),
                c.regionCode, c.description, c.address,
                c.latitude == null || c.longitude == null ? null : new Location(c.latitude, c.longitude), c.channel,
                Wib.of(c.submittedAt), c.anonymous, c.confidential, null, c.possibleDuplicateOf);
    }

    private static java.util.List<String> union(java.util.List<String> opds, String current) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(opds);
        all.add(current);
        return java.util.List.copyOf(all);
    }
}
