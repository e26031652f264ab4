package id.aduan.inbox.domain;

import id.aduan.events.ComplaintStatus;
import java.time.OffsetDateTime;

/**
 * What the inbox list shows: every criterion optional.
 *
 * @param overdue       true: only running clocks past their deadline; false: only the others
 * @param submittedFrom inclusive
 * @param submittedTo   exclusive
 * @param text          words that must all appear in the tracking number, description or address
 */
public record InboxFilter(
        ComplaintStatus status,
        String category,
        String regionCode,
        Boolean overdue,
        OffsetDateTime submittedFrom,
        OffsetDateTime submittedTo,
        String text,
        InboxSort sort) {
}
