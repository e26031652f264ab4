package id.aduan.events;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** What someone did to a complaint: each action is one ComplaintStatusChanged event. */
public enum ComplaintAction {
    /** Staff: the first response, "we have it". */
    ACKNOWLEDGE,
    /** Staff: a public reply the citizen sees. */
    RESPOND,
    /** Staff: a question to the citizen; the deadline pauses. */
    REQUEST_INFO,
    RESOLVE,
    /** Staff: not our authority, with a reason and perhaps the OPD that should take it. */
    REJECT,
    /** Staff: an internal note. The event says a note was written; its text stays in the inbox. */
    NOTE,
    /** Staff: given to a staff member of the same OPD. */
    ASSIGN,
    /** Citizen: answered a request for information; the deadline resumes. */
    CITIZEN_REPLY,
    /** Citizen: confirmed the resolution, with a rating. */
    CITIZEN_CONFIRM,
    /** Citizen: reopened a resolution. */
    CITIZEN_REOPEN,
    /**
     * System: the OPD holding it merged into another (or was retired) and the complaint moved to its successor, with
     * its status and deadline unchanged. The event's {@code opdCode} is the new OPD, {@code reason} names the old.
     */
    TRANSFER,
    /** An action this reader does not know yet. */
    @JsonEnumDefaultValue
    UNKNOWN
}
