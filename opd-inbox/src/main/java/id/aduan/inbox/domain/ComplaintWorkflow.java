package id.aduan.inbox.domain;

import static id.aduan.events.ComplaintStatus.ACKNOWLEDGED;
import static id.aduan.events.ComplaintStatus.CLOSED;
import static id.aduan.events.ComplaintStatus.REJECTED;
import static id.aduan.events.ComplaintStatus.REOPENED;
import static id.aduan.events.ComplaintStatus.RESOLVED;
import static id.aduan.events.ComplaintStatus.RESPONDED;
import static id.aduan.events.ComplaintStatus.ROUTED;
import static id.aduan.events.ComplaintStatus.WAITING_FOR_CITIZEN;

import id.aduan.events.ComplaintAction;
import id.aduan.events.ComplaintStatus;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The complaint state machine, explicit: for each action, the statuses it may start from and the status it leads
 * to. Anything not listed is refused (409) and changes nothing. Notes and assignments keep the status.
 *
 * <pre>
 * ROUTED ──acknowledge──▶ ACKNOWLEDGED ──respond──▶ RESPONDED ──resolve──▶ RESOLVED ──citizen confirms──▶ CLOSED
 *    │ request-info ▲ citizen replies ─┐           │                          │
 *    ▼              └─ WAITING_FOR_CITIZEN          └── reject ─▶ REJECTED     └── citizen reopens ─▶ REOPENED
 * </pre>
 */
public final class ComplaintWorkflow {

    private static final Set<ComplaintStatus> OPEN = EnumSet.of(ROUTED, ACKNOWLEDGED, WAITING_FOR_CITIZEN, RESPONDED,
            REOPENED);

    private record Rule(Set<ComplaintStatus> from, ComplaintStatus to) {
    }

    private static final Map<ComplaintAction, Rule> RULES = new EnumMap<>(ComplaintAction.class);

    static {
        RULES.put(ComplaintAction.ACKNOWLEDGE, new Rule(EnumSet.of(ROUTED, REOPENED), ACKNOWLEDGED));
        RULES.put(ComplaintAction.RESPOND, new Rule(EnumSet.of(ROUTED, ACKNOWLEDGED, RESPONDED, REOPENED), RESPONDED));
        RULES.put(ComplaintAction.REQUEST_INFO, new Rule(EnumSet.of(ROUTED, ACKNOWLEDGED, RESPONDED, REOPENED),
                WAITING_FOR_CITIZEN));
        RULES.put(ComplaintAction.RESOLVE, new Rule(OPEN, RESOLVED));
        RULES.put(ComplaintAction.REJECT, new Rule(EnumSet.of(ROUTED, ACKNOWLEDGED, RESPONDED, WAITING_FOR_CITIZEN),
                REJECTED));
        RULES.put(ComplaintAction.CITIZEN_REPLY, new Rule(EnumSet.of(WAITING_FOR_CITIZEN), ACKNOWLEDGED));
        RULES.put(ComplaintAction.CITIZEN_CONFIRM, new Rule(EnumSet.of(RESOLVED), CLOSED));
        RULES.put(ComplaintAction.CITIZEN_REOPEN, new Rule(EnumSet.of(RESOLVED, CLOSED), REOPENED));
    }

    private ComplaintWorkflow() {
    }

    /**
     * The status an action leads to from the current one, or empty when the action is not allowed there. Notes are
     * allowed in every status; assignments while the complaint is open.
     */
    public static Optional<ComplaintStatus> next(ComplaintStatus current, ComplaintAction action) {
        if (action == ComplaintAction.NOTE) {
            return Optional.of(current);
        }
        if (action == ComplaintAction.ASSIGN) {
            return OPEN.contains(current) ? Optional.of(current) : Optional.empty();
        }
        Rule rule = RULES.get(action);
        return rule != null && rule.from().contains(current) ? Optional.of(rule.to()) : Optional.empty();
    }

    public static boolean isOpen(ComplaintStatus status) {
        return OPEN.contains(status);
    }
}
