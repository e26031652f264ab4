package id.aduan.routing.domain;

import java.time.LocalDate;

/**
 * An OPD, or an outside body, that can be assigned complaints.
 *
 * @param level       {@code province} (the province's own OPD), {@code regency} (a kabupaten/kota's office) or
 *                    {@code outside} (a national or other body such as BPJN); regency offices and outside bodies are
 *                    outside the province's government, reached through their {@code liaison}
 * @param region      the kabupaten/kota of a regency office
 * @param liaison     the province's OPD that forwards to and follows up with a body outside the province's government
 * @param activeFrom  the first day it takes complaints; none: always
 * @param activeUntil the day it stops (a merger's or retirement's date, exclusive); none: still active
 * @param successor   who takes its complaints from {@code activeUntil} on (the OPD it merged into)
 */
public record Opd(String code, String name, String level, String region, String liaison, LocalDate activeFrom,
        LocalDate activeUntil, String successor) {

    public static final String PROVINCE = "province";
    public static final String REGENCY = "regency";
    public static final String OUTSIDE = "outside";

    /** A provincial OPD. */
    public Opd(String code, String name) {
        this(code, name, PROVINCE, null, null, null, null, null);
    }

    /** An OPD active from the start and still active. */
    public Opd(String code, String name, String level, String region, String liaison) {
        this(code, name, level, region, liaison, null, null, null);
    }

    public Opd {
        level = level == null ? PROVINCE : level;
    }

    /** Outside the province's government: complaints reach it through the liaison. */
    public boolean isOutside() {
        return !PROVINCE.equals(level);
    }

    /** Takes complaints on this day. */
    public boolean isActiveOn(LocalDate day) {
        return (activeFrom == null || !day.isBefore(activeFrom)) && (activeUntil == null || day.isBefore(activeUntil));
    }

    public Opd renamed(String newName) {
        return new Opd(code, newName, level, region, liaison, activeFrom, activeUntil, successor);
    }

    /** Stops on {@code day}; its complaints go to {@code successorCode} (none: to triage). */
    public Opd endingOn(LocalDate day, String successorCode) {
        return new Opd(code, name, level, region, liaison, activeFrom, day, successorCode);
    }
}
