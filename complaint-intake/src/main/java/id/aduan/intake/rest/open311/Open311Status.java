package id.aduan.intake.rest.open311;

import id.aduan.events.ComplaintStatus;
import java.util.List;

/**
 * Aduan's statuses as the spec's two. Closed: RESOLVED and CLOSED, the statuses in which no OPD owes the citizen
 * anything more ({@link ComplaintStatus#isTerminal()}); a resolved complaint the citizen reopens is open again.
 * Everything else is open, REJECTED included: an OPD's rejection sends the complaint back to routing, it is not a
 * final answer. A status this version does not know reads as open.
 */
public final class Open311Status {

    public static final String OPEN = "open";
    public static final String CLOSED = "closed";

    /** The statuses answered as closed. */
    public static final List<ComplaintStatus> CLOSED_STATUSES =
            List.of(ComplaintStatus.RESOLVED, ComplaintStatus.CLOSED);

    private Open311Status() {
    }

    public static String of(ComplaintStatus status) {
        return status != null && CLOSED_STATUSES.contains(status) ? CLOSED : OPEN;
    }
}
