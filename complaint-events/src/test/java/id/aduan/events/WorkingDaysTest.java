package id.aduan.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    @Test
    void weekendsAndFixedHolidaysAreNotWorkingDays() {
        assertThat(WorkingDays.isWorkingDay(LocalDate.parse("2026-11-27"))).isTrue();   // Friday
        assertThat(WorkingDays.isWorkingDay(LocalDate.parse("2026-11-28"))).isFalse();  // Saturday
        assertThat(WorkingDays.isWorkingDay(LocalDate.parse("2026-08-17"))).isFalse();  // Independence Day, Monday
        assertThat(WorkingDays.isWorkingDay(LocalDate.parse("2026-12-25"))).isFalse();  // Christmas, Friday
    }

    @Test
    void tenWorkingDaysSkipWeekendsAndHolidays() {
        // Resolved Monday 14 Dec 2026 evening WIB: 10 working days later, Christmas (Fri 25 Dec) skipped, is Tue 29 Dec.
        OffsetDateTime resolved = OffsetDateTime.parse("2026-12-14T19:00:00+07:00");
        assertThat(WorkingDays.endOfWorkingDaysAfter(resolved, 10))
                .isEqualTo(OffsetDateTime.parse("2026-12-30T00:00:00+07:00"));
        // The day counts in WIB: 20:00 UTC on Sunday is already Monday in Bengkulu.
        assertThat(WorkingDays.endOfWorkingDaysAfter(OffsetDateTime.parse("2026-12-13T20:00:00Z"), 1))
                .isEqualTo(OffsetDateTime.parse("2026-12-16T00:00:00+07:00"));
    }
}
