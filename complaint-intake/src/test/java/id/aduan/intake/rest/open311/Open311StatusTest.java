package id.aduan.intake.rest.open311;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.events.ComplaintStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class Open311StatusTest {

    /** Closed exactly when no OPD owes the citizen anything more: the enum's own definition. */
    @ParameterizedTest
    @EnumSource(ComplaintStatus.class)
    void closedIsTheTerminalStatuses(ComplaintStatus status) {
        assertThat(Open311Status.of(status)).isEqualTo(status.isTerminal() ? "closed" : "open");
    }

    @Test
    void rejectedGoesBackToRoutingSoItIsOpen() {
        assertThat(Open311Status.of(ComplaintStatus.REJECTED)).isEqualTo("open");
        assertThat(Open311Status.of(ComplaintStatus.REOPENED)).isEqualTo("open");
        assertThat(Open311Status.of(ComplaintStatus.RESOLVED)).isEqualTo("closed");
        assertThat(Open311Status.of(ComplaintStatus.CLOSED)).isEqualTo("closed");
        assertThat(Open311Status.of(null)).isEqualTo("open");
    }
}
