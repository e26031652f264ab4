package id.aduan.inbox.rest;

import id.aduan.events.Wib;
import id.aduan.inbox.domain.InboxQueries;
import id.aduan.inbox.persistence.InboxComplaint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/** The complaint as the API shows it, never the entity itself. A bean: whether it is overdue reads the clock. */
@ApplicationScoped
class ComplaintViews {

    @Inject
    Clock clock;

    /** 200 with the detail, and its version as the ETag (send it back as If-Match with an action). */
    Response response(InboxQueries.Detail detail) {
        ComplaintDetail body = detail(detail);
        return Response.ok(body).tag(new EntityTag(Long.toString(body.version()))).build();
    }

    ComplaintDetail.Deadline deadline(InboxComplaint c) {
        if (c.deadline == null) {
            return null;
        }
        boolean overdue = "RUNNING".equals(c.slaState) && c.deadline.isBefore(OffsetDateTime.now(clock));
        return new ComplaintDetail.Deadline(Wib.of(c.deadline), c.slaState, overdue, Wib.of(c.slaBreachedAt),
                c.slaFlag);
    }

    ComplaintDetail detail(InboxQueries.Detail d) {
        InboxComplaint c = d.complaint();
        return new ComplaintDetail(c.id, c.trackingNumber, c.category, c.regionCode, c.description, c.address,
                c.latitude, c.longitude, c.channel, c.anonymous, c.confidential, c.status.name(),
                Wib.of(c.submittedAt),
                new ComplaintDetail.Routing(c.opdCode, c.opdName, c.ruleId, c.ruleVersion, c.explanation, c.hop,
                        Wib.of(c.routedAt), c.liaisonOpdCode),
                c.assigneeName, Wib.of(c.resolvedAt), deadline(c), c.version, c.possibleDuplicateOf,
                c.triageReasons == null ? List.of() : List.of(c.triageReasons.split(",")),
                d.history().stream().map(h -> new ComplaintDetail.HistoryEntry(h.eventId, h.type, h.action,
                        Wib.of(h.occurredAt), h.opdCode, h.actorName, h.summary, h.publicMessage, h.internalNote))
                        .toList());
    }
}
