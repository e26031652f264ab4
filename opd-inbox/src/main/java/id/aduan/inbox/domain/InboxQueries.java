package id.aduan.inbox.domain;

import id.aduan.inbox.persistence.ComplaintEventRecord;
import id.aduan.inbox.persistence.ComplaintEventRepository;
import id.aduan.inbox.persistence.InboxComplaint;
import id.aduan.inbox.persistence.InboxComplaintRepository;
import id.aduan.support.security.Caller.Scope;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the inbox shows; reads only. */
@ApplicationScoped
public class InboxQueries {

    @Inject
    InboxComplaintRepository complaints;

    @Inject
    ComplaintEventRepository history;

    @Inject
    java.time.Clock clock;

    /** A page and the cursor of the next one ({@code null} on the last page). */
    public record Page(List<InboxComplaint> items, InboxCursor next) {
    }

    public record Detail(InboxComplaint complaint, List<ComplaintEventRecord> history) {
    }

    /** Per-status counts of an OPD's inbox, or of all OPDs. */
    public record Stats(String opdCode, java.util.Map<String, Long> byStatus, long total) {
    }

    @WithSession
    public Uni<Stats> stats(Scope scope) {
        return complaints.countByStatus(scope.opd()).map(rows -> {
            java.util.Map<String, Long> byStatus = new java.util.TreeMap<>();
            long total = 0;
            for (Object[] row : rows) {
                byStatus.put(row[0].toString(), (Long) row[1]);
                total += (Long) row[1];
            }
            return new Stats(scope.opd(), byStatus, total);
        });
    }

    /** A page of the complaints in scope that match the filter, in the filter's order. */
    @WithSession
    public Uni<Page> page(Scope scope, InboxFilter filter, InboxCursor after, int limit) {
        // One row more than asked tells whether there is a next page.
        return complaints.page(scope.opd(), filter, after, OffsetDateTime.now(clock), limit + 1)
                .map(rows -> {
                    if (rows.size() <= limit) {
                        return new Page(rows, null);
                    }
                    List<InboxComplaint> page = rows.subList(0, limit);
                    InboxComplaint last = page.get(limit - 1);
                    OffsetDateTime value = switch (filter.sort()) {
                        case OLDEST -> last.submittedAt;
                        case DEADLINE -> last.deadline;
                        default -> last.routedAt;
                    };
                    return new Page(page, new InboxCursor(filter.sort(), value, last.id));
                });
    }

    /** The complaint and its history, or {@code null} when it does not exist or is outside the scope. */
    @WithSession
    public Uni<Detail> detail(UUID id, Scope scope) {
        return complaints.findInScope(id, scope.opd()).chain(complaint -> complaint == null
                ? Uni.createFrom().nullItem()
                : history.historyOf(id).map(steps -> new Detail(complaint, steps)));
    }
}
