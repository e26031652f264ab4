package id.aduan.sla.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Government working time: Monday to Friday, minus national holidays and cuti bersama, within the working hours of
 * Perpres 21/2023 (37.5 hours a week from 07:30 local time), in the region's own time zone. Deadlines are working
 * time: "3 working days" is 3 × 7.5 working hours, counted only while offices are open. Immutable: a corrected
 * calendar is a new one.
 */
public final class WorkingCalendar {

    /** One span of office hours in a day. */
    public record Span(LocalTime start, LocalTime end) {

        Duration length() {
            return Duration.between(start, end);
        }
    }

    /** Perpres 21/2023: Monday to Thursday 07:30-16:00 with a break 12:00-13:00; Friday 07:30-16:30, break 11:30-13:00. */
    public static final Map<DayOfWeek, List<Span>> PERPRES_21_2023 = perpres();

    /** One working day of office time. */
    public static final Duration WORKING_DAY = Duration.ofMinutes(450);

    /** How far a search for office time may look ahead: a calendar without any working day must not hang. */
    private static final int MAX_DAYS = 3 * 366;

    private final Map<LocalDate, Holiday> holidays;
    private final Map<DayOfWeek, List<Span>> hours;

    public WorkingCalendar(Collection<Holiday> holidays) {
        this(holidays, PERPRES_21_2023);
    }

    public WorkingCalendar(Collection<Holiday> holidays, Map<DayOfWeek, List<Span>> hours) {
        this.holidays = holidays.stream().collect(Collectors.toUnmodifiableMap(Holiday::date, Function.identity(),
                (a, b) -> b));
        this.hours = Map.copyOf(hours);
    }

    /** "N working days" as office time. */
    public static Duration workingDays(int days) {
        return WORKING_DAY.multipliedBy(days);
    }

    /**
     * The time zone of a region, from its Kemendagri province code: WIB for Sumatra, Java and western and central
     * Kalimantan; WITA for Bali, Nusa Tenggara, the rest of Kalimantan and Sulawesi; WIT for Maluku and Papua.
     */
    public static ZoneId zoneOf(String regionCode) {
        int province = regionCode == null || regionCode.length() < 2 ? 17 : parse(regionCode.substring(0, 2));
        if (province >= 81) {
            return ZoneId.of("Asia/Jayapura");
        }
        if (province >= 63 || province >= 51 && province <= 53) {
            return ZoneId.of("Asia/Makassar");
        }
        return ZoneId.of("Asia/Jakarta");
    }

    private static int parse(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return 17;
        }
    }

    public boolean isWorkingDay(LocalDate day) {
        return !hours.getOrDefault(day.getDayOfWeek(), List.of()).isEmpty() && !holidays.containsKey(day);
    }

    public Optional<Holiday> holiday(LocalDate day) {
        return Optional.ofNullable(holidays.get(day));
    }

    /** Office time between two instants (zero if {@code to} is not after {@code from}). */
    public Duration workingTime(Instant from, Instant to, ZoneId zone) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate day = from.atZone(zone).toLocalDate();
        LocalDate last = to.atZone(zone).toLocalDate();
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (Span span : hours.get(day.getDayOfWeek())) {
                Instant start = max(day.atTime(span.start()).atZone(zone).toInstant(), from);
                Instant end = min(day.atTime(span.end()).atZone(zone).toInstant(), to);
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /**
     * The instant at which {@code amount} of office time has passed after {@code from}: the deadline of a clock that
     * starts (or resumes) at {@code from} with that much time left. A deadline falls inside office hours, never on
     * a holiday or a weekend.
     */
    public Instant plusWorkingTime(Instant from, Duration amount, ZoneId zone) {
        if (amount.isNegative() || amount.isZero()) {
            return from;
        }
        Duration left = amount;
        LocalDate day = from.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (Span span : hours.get(day.getDayOfWeek())) {
                ZonedDateTime spanEnd = day.atTime(span.end()).atZone(zone);
                Instant start = max(day.atTime(span.start()).atZone(zone).toInstant(), from);
                if (!spanEnd.toInstant().isAfter(start)) {
                    continue;
                }
                Duration available = Duration.between(start, spanEnd.toInstant());
                if (left.compareTo(available) <= 0) {
                    return start.plus(left);
                }
                left = left.minus(available);
            }
        }
        throw new IllegalStateException("No office time within " + MAX_DAYS + " days of " + from
                + ": is the calendar all holidays?");
    }

    /**
     * The instant {@code amount} of office time before {@code to}: where a clock with that much left before its
     * deadline stands (the 50% and 75% marks). Never before {@code notBefore}, the clock's start.
     */
    public Instant minusWorkingTime(Instant to, Duration amount, ZoneId zone, Instant notBefore) {
        if (amount.isNegative() || amount.isZero()) {
            return to;
        }
        Duration left = amount;
        LocalDate day = to.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.minusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            List<Span> spans = hours.get(day.getDayOfWeek());
            for (int s = spans.size() - 1; s >= 0; s--) {
                Span span = spans.get(s);
                Instant spanStart = day.atTime(span.start()).atZone(zone).toInstant();
                Instant end = min(day.atTime(span.end()).atZone(zone).toInstant(), to);
                if (!end.isAfter(spanStart)) {
                    continue;
                }
                Duration available = Duration.between(spanStart, end);
                if (left.compareTo(available) <= 0) {
                    return max(end.minus(left), notBefore);
                }
                left = left.minus(available);
            }
            if (day.atStartOfDay(zone).toInstant().isBefore(notBefore)) {
                return notBefore;
            }
        }
        return notBefore;
    }

    /**
     * The deadline of a clock that stood still (waiting for the citizen, or resolved) from {@code stoppedAt} and runs
     * again at {@code resumedAt}: the office time it had left then, counted from {@code resumedAt}. A deadline that
     * had passed before it stopped stays: standing still does not forgive a breach.
     */
    public Instant resumedDeadline(Instant deadline, Instant stoppedAt, Instant resumedAt, ZoneId zone) {
        if (!deadline.isAfter(stoppedAt) || !resumedAt.isAfter(stoppedAt)) {
            return deadline;
        }
        return plusWorkingTime(resumedAt, workingTime(stoppedAt, deadline, zone), zone);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Map<DayOfWeek, List<Span>> perpres() {
        Map<DayOfWeek, List<Span>> hours = new EnumMap<>(DayOfWeek.class);
        List<Span> monToThu = List.of(new Span(LocalTime.of(7, 30), LocalTime.of(12, 0)),
                new Span(LocalTime.of(13, 0), LocalTime.of(16, 0)));
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY)) {
            hours.put(day, monToThu);
        }
        hours.put(DayOfWeek.FRIDAY, List.of(new Span(LocalTime.of(7, 30), LocalTime.of(11, 30)),
                new Span(LocalTime.of(13, 0), LocalTime.of(16, 30))));
        return Map.copyOf(hours);
    }
}
