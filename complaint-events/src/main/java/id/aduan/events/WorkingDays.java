package id.aduan.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Government working days: Monday to Friday, minus the holidays of {@code holidays-id.json}. Today that file holds
 * the fixed-date national holidays only; each year's moving holidays and cuti bersama arrive with the SLA calendar.
 */
public final class WorkingDays {

    private static final Set<MonthDay> FIXED = load();

    private WorkingDays() {
    }

    public static boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !FIXED.contains(MonthDay.from(day));
    }

    /**
     * The end of the {@code days}-th working day after the day of {@code start} (in WIB): a complaint resolved on
     * Monday can be reopened through the end of the Monday two weeks later, holidays aside.
     */
    public static OffsetDateTime endOfWorkingDaysAfter(OffsetDateTime start, int days) {
        LocalDate day = start.atZoneSameInstant(Wib.ZONE).toLocalDate();
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day.plusDays(1).atStartOfDay(Wib.ZONE).toOffsetDateTime();
    }

    private static Set<MonthDay> load() {
        try (InputStream in = WorkingDays.class.getResourceAsStream("holidays-id.json")) {
            HolidayFile file = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in, HolidayFile.class);
            return file.fixedDates().stream().map(h -> MonthDay.parse("--" + h.monthDay()))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read holidays-id.json", e);
        }
    }

    private record HolidayFile(List<Holiday> fixedDates) {
    }

    private record Holiday(String monthDay, String name) {
    }
}
