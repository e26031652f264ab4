package id.aduan.sla.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Working-day arithmetic: weekends, holidays, cuti bersama, office hours, the new year, pauses and reopenings. */
class WorkingCalendarTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final WorkingCalendar CALENDAR = new WorkingCalendar(HolidayFiles.builtIn(2026, 2027));

    private static Instant wib(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+07:00").toInstant();
    }

    private static Instant deadline(String start, int days) {
        return CALENDAR.plusWorkingTime(wib(start), WorkingCalendar.workingDays(days), WIB);
    }

    @Test
    void weekendsDoNotCount() {
        // Thursday 10:00 + 3 working days (22.5 h): Thu 10:00-16:00 less the break (5 h), Fri 7.5 h, Mon 7.5 h,
        // Tue from 07:30 for 2.5 h.
        assertThat(deadline("2026-11-26T10:00:00", 3)).isEqualTo(wib("2026-12-01T10:00:00"));
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-11-28"))).isFalse();
        assertThat(CALENDAR.workingTime(wib("2026-11-27T16:30:00"), wib("2026-11-30T07:30:00"), WIB))
                .isEqualTo(Duration.ZERO);
    }

    @Test
    void theWarningMarksCountOfficeTimeBackFromTheDeadline() {
        Instant start = wib("2026-10-05T09:00:00");
        Instant deadline = deadline("2026-10-05T09:00:00", 5);
        assertThat(deadline).isEqualTo(wib("2026-10-12T09:00:00"));
        // 50%: 18.75 h before, back over Monday 07:30-09:00, Friday, Thursday, and Wednesday from 16:00 for 2.25 h.
        assertThat(CALENDAR.minusWorkingTime(deadline, WorkingCalendar.workingDays(5).dividedBy(2), WIB, start))
                .isEqualTo(wib("2026-10-07T13:45:00"));
        // 75%: 9.375 h before: Monday 1.5 h, Friday's 7.5 h, then Thursday from 16:00 back 22.5 min.
        assertThat(CALENDAR.minusWorkingTime(deadline, WorkingCalendar.workingDays(5).dividedBy(4), WIB, start))
                .isEqualTo(wib("2026-10-08T15:37:30"));
        // Forward again, the same office time.
        assertThat(CALENDAR.workingTime(start, wib("2026-10-07T13:45:00"), WIB)).isEqualTo(Duration.ofMinutes(1125));
        // Never before the clock's start.
        assertThat(CALENDAR.minusWorkingTime(deadline, WorkingCalendar.workingDays(9), WIB, start)).isEqualTo(start);
    }

    @Test
    void aComplaintOutsideOfficeHoursStartsCountingAtTheNextOpening() {
        // Saturday night: the first office minute is Monday 07:30.
        assertThat(deadline("2026-11-28T22:00:00", 1)).isEqualTo(wib("2026-11-30T16:00:00"));
        // The lunch break does not count: Monday 11:00 + 2 h = 14:00 (11:00-12:00, 13:00-14:00).
        assertThat(CALENDAR.plusWorkingTime(wib("2026-11-30T11:00:00"), Duration.ofHours(2), WIB))
                .isEqualTo(wib("2026-11-30T14:00:00"));
        // Friday's break is longer: 11:00 + 2 h = 14:30 (11:00-11:30, 13:00-14:30).
        assertThat(CALENDAR.plusWorkingTime(wib("2026-11-27T11:00:00"), Duration.ofHours(2), WIB))
                .isEqualTo(wib("2026-11-27T14:30:00"));
    }

    @Test
    void holidaysDoNotCount() {
        // 17 August 2026 (Monday) is Independence Day: Friday 14 Aug 16:30 + 1 day lands on Tuesday 18 Aug.
        assertThat(CALENDAR.holiday(LocalDate.parse("2026-08-17")).orElseThrow().kind()).isEqualTo(Holiday.Kind.LIBUR);
        assertThat(deadline("2026-08-14T16:30:00", 1)).isEqualTo(wib("2026-08-18T16:00:00"));
    }

    @Test
    void cutiBersamaDoesNotCountEither() {
        // Idul Fitri 1447 H: cuti bersama Fri 20 Mar, holidays Sat-Sun 21-22, cuti bersama Mon-Tue 23-24 March.
        assertThat(CALENDAR.holiday(LocalDate.parse("2026-03-23")).orElseThrow().kind())
                .isEqualTo(Holiday.Kind.CUTI_BERSAMA);
        // Nyepi: cuti bersama Wed 18, holiday Thu 19. Tuesday 17 March 16:00 + 1 working day: Wednesday 25 March.
        assertThat(deadline("2026-03-17T16:00:00", 1)).isEqualTo(wib("2026-03-25T16:00:00"));
    }

    @Test
    void aDeadlineAcrossTheNewYear() {
        // Wed 23 Dec 2026 09:00 + 5 days (37.5 h): 24 (cuti bersama), 25 (Christmas), the weekends and 1 Jan do not
        // count: Wed 23 (6 h from 09:00), Mon 28 to Thu 31 (30 h), then Mon 4 Jan 2027 from 07:30 for 1.5 h.
        assertThat(deadline("2026-12-23T09:00:00", 5)).isEqualTo(wib("2027-01-04T09:00:00"));
    }

    @Test
    void regionsKeepTheirOwnClock() {
        assertThat(WorkingCalendar.zoneOf("1771")).isEqualTo(ZoneId.of("Asia/Jakarta"));
        assertThat(WorkingCalendar.zoneOf("5171")).isEqualTo(ZoneId.of("Asia/Makassar"));
        assertThat(WorkingCalendar.zoneOf("7371")).isEqualTo(ZoneId.of("Asia/Makassar"));
        assertThat(WorkingCalendar.zoneOf("6171")).isEqualTo(ZoneId.of("Asia/Jakarta"));
        assertThat(WorkingCalendar.zoneOf("9471")).isEqualTo(ZoneId.of("Asia/Jayapura"));
        // The same instant is 07:30 in Makassar (WITA) and 06:30 in Bengkulu: an hour's difference in office time.
        Instant start = OffsetDateTime.parse("2026-11-30T07:30:00+08:00").toInstant();
        assertThat(CALENDAR.workingTime(start, start.plus(Duration.ofHours(2)), ZoneId.of("Asia/Makassar")))
                .isEqualTo(Duration.ofHours(2));
        assertThat(CALENDAR.workingTime(start, start.plus(Duration.ofHours(2)), WIB)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void pauseAndResume() {
        // Three working days to the first response from Monday 09:00: due Thursday 09:00. Paused Monday 11:00 (2 h
        // used) while the citizen is asked; the citizen answers Thursday 09:00: the 20.5 h left run from then.
        Instant start = wib("2026-11-30T09:00:00");
        Instant due = deadline("2026-11-30T09:00:00", 3);
        assertThat(due).isEqualTo(wib("2026-12-03T09:00:00"));
        assertThat(CALENDAR.workingTime(start, wib("2026-11-30T11:00:00"), WIB)).isEqualTo(Duration.ofHours(2));
        // Thu 09:00-16:00 (6 h), Fri 7.5 h, Mon 07:30 + 7 h = 15:30.
        assertThat(CALENDAR.resumedDeadline(due, wib("2026-11-30T11:00:00"), wib("2026-12-03T09:00:00"), WIB))
                .isEqualTo(wib("2026-12-07T15:30:00"));
        // Warnings at 50% of the budget: 11.25 h of office time.
        assertThat(CALENDAR.plusWorkingTime(start, WorkingCalendar.workingDays(3).dividedBy(2), WIB))
                .isEqualTo(wib("2026-12-01T13:45:00"));
    }

    @Test
    void aReopenedComplaintRunsOnFromWhatItHadLeft() {
        Instant due = deadline("2026-11-30T08:00:00", 5);
        // Resolved Tuesday 08:00: Monday 08:00-16:00 less the break (7 h) and Tuesday 07:30-08:00 (0.5 h) used.
        assertThat(CALENDAR.workingTime(wib("2026-11-30T08:00:00"), wib("2026-12-01T08:00:00"), WIB))
                .isEqualTo(Duration.ofMinutes(450));
        // The week it stayed resolved does not count. Reopened Monday 7 December 07:30 with 30 h left: Monday to
        // Thursday, until Thursday 16:00.
        assertThat(CALENDAR.resumedDeadline(due, wib("2026-12-01T08:00:00"), wib("2026-12-07T07:30:00"), WIB))
                .isEqualTo(wib("2026-12-10T16:00:00"));
    }

    @Test
    void standingStillDoesNotForgiveABreach() {
        // Due Monday 10:00, paused at 11:00 (already late), answered Thursday: still due Monday 10:00. A re-route is
        // no pause at all: the clock runs on (ComplaintEventsConsumerTest checks the deadline after one).
        Instant due = wib("2026-11-30T10:00:00");
        assertThat(CALENDAR.resumedDeadline(due, wib("2026-11-30T11:00:00"), wib("2026-12-03T09:00:00"), WIB))
                .isEqualTo(due);
    }

    @Test
    void aHolidayFileWithAnInvalidDateIsRefusedWholeWithItsLine() {
        String file = "# test\ndate,kind,name,source\n2026-01-01,libur,Tahun Baru,SKB\n2026-02-30,libur,Salah,SKB\n"
                + "2026-03-01,liburan,Salah,SKB\n2026-04-01,libur,,SKB\n2026-01-01,libur,Lagi,SKB";
        assertThatThrownBy(() -> HolidayFiles.read("test.csv", new ByteArrayInputStream(
                file.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(InvalidCalendarException.class)
                .satisfies(e -> assertThat(((InvalidCalendarException) e).reasons()).containsExactly(
                        "line 4: '2026-02-30' is not a date (YYYY-MM-DD)",
                        "line 5: kind must be libur or cuti-bersama, not 'liburan'",
                        "line 6: the holiday needs a name",
                        "line 7: 2026-01-01 is listed twice"));
    }

    @Test
    void theBuiltInFilesAreValidAndSourced() {
        List<Holiday> all = HolidayFiles.builtIn(2026, 2027);
        assertThat(all).extracting(Holiday::source).allSatisfy(s -> assertThat(s).isNotBlank());
        assertThat(all.stream().filter(h -> h.date().getYear() == 2026 && h.kind() == Holiday.Kind.LIBUR)).hasSize(17);
        assertThat(all.stream().filter(h -> h.date().getYear() == 2026 && h.kind() == Holiday.Kind.CUTI_BERSAMA))
                .hasSize(8);
    }
}
