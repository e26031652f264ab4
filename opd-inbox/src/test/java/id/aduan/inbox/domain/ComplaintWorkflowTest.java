package id.aduan.inbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.events.ComplaintAction;
import id.aduan.events.ComplaintStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComplaintWorkflowTest {

    @ParameterizedTest(name = "{0} + {1} → {2}")
    @CsvSource({
        "ROUTED, ACKNOWLEDGE, ACKNOWLEDGED",
        "ROUTED, RESPOND, RESPONDED",
        "ROUTED, REQUEST_INFO, WAITING_FOR_CITIZEN",
        "ROUTED, RESOLVE, RESOLVED",
        "ROUTED, REJECT, REJECTED",
        "ROUTED, NOTE, ROUTED",
        "ROUTED, ASSIGN, ROUTED",
        "ACKNOWLEDGED, RESPOND, RESPONDED",
        "ACKNOWLEDGED, ACKNOWLEDGE, ",
        "RESPONDED, RESPOND, RESPONDED",
        "WAITING_FOR_CITIZEN, RESPOND, ",
        "WAITING_FOR_CITIZEN, CITIZEN_REPLY, ACKNOWLEDGED",
        "WAITING_FOR_CITIZEN, RESOLVE, RESOLVED",
        "WAITING_FOR_CITIZEN, REJECT, REJECTED",
        "RESOLVED, ACKNOWLEDGE, ",
        "RESOLVED, RESOLVE, ",
        "RESOLVED, ASSIGN, ",
        "RESOLVED, NOTE, RESOLVED",
        "RESOLVED, CITIZEN_CONFIRM, CLOSED",
        "RESOLVED, CITIZEN_REOPEN, REOPENED",
        "CLOSED, CITIZEN_REOPEN, REOPENED",
        "CLOSED, RESOLVE, ",
        "REOPENED, ACKNOWLEDGE, ACKNOWLEDGED",
        "REOPENED, RESOLVE, RESOLVED",
        "REJECTED, ACKNOWLEDGE, ",
        "REJECTED, REJECT, ",
        "REJECTED, NOTE, REJECTED",
        "ACKNOWLEDGED, CITIZEN_REPLY, ",
        "ACKNOWLEDGED, CITIZEN_CONFIRM, ",
        "ROUTED, UNKNOWN, "})
    void onlyTheListedTransitionsAreAllowed(ComplaintStatus from, ComplaintAction action, ComplaintStatus to) {
        assertThat(ComplaintWorkflow.next(from, action).orElse(null)).isEqualTo(to);
    }
}
