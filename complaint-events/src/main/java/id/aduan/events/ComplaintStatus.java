package id.aduan.events;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Where a complaint stands. The inbox's state machine decides which transitions are allowed. */
public enum ComplaintStatus {
    /** Accepted by intake, not yet routed. */
    SUBMITTED,
    /** Assigned to an OPD, not yet acknowledged. */
    ROUTED,
    ACKNOWLEDGED,
    /** The OPD asked the citizen for information; the deadline pauses. */
    WAITING_FOR_CITIZEN,
    RESPONDED,
    RESOLVED,
    /** Rejected by an OPD as not its authority: it goes back to routing. */
    REJECTED,
    CLOSED,
    REOPENED,
    /** A status this reader does not know yet. */
    @JsonEnumDefaultValue
    UNKNOWN;

    /** True when no OPD owes the citizen anything more. */
    public boolean isTerminal() {
        return this == RESOLVED || this == CLOSED;
    }
}
