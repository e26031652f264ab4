package id.aduan.intake.rest.open311;

import id.aduan.events.Category;
import id.aduan.intake.config.Open311Config;
import id.aduan.intake.domain.TrackingNumbers;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The filters of GET requests, checked. {@code service_request_id} overrides every other filter (as the spec says);
 * otherwise the window is {@code start_date}..{@code end_date}, by default the last 90 days, never longer.
 *
 * @param trackingNumbers canonical tracking numbers asked for, or empty for a search
 * @param categories      the service codes asked for, or empty for all
 * @param closed          {@code true}: only closed; {@code false}: only open; {@code null}: both
 * @param limit           at most this many, newest first
 */
public record Open311Query(List<String> trackingNumbers, Set<Category> categories, OffsetDateTime start,
        OffsetDateTime end, Boolean closed, int limit) {

    /** Reads the parameters; throws a 400 naming every invalid one. */
    public static Open311Query read(FormParameters params, Open311Config config, OffsetDateTime now) {
        List<Open311Exception.Message> errors = new ArrayList<>();
        int max = config.maxResults();

        List<String> trackingNumbers = new ArrayList<>();
        List<String> ids = params.commaSeparated("service_request_id");
        if (ids.size() > max) {
            errors.add(new Open311Exception.Message("open311.error.too-many-ids", String.valueOf(max)));
        } else {
            for (String id : ids) {
                TrackingNumbers.canonical(id).ifPresentOrElse(trackingNumbers::add, () -> errors.add(
                        new Open311Exception.Message("open311.error.service-request-id")));
            }
        }

        if (!ids.isEmpty()) {
            // The spec: service_request_id overrides every other argument, so the others are not even read.
            if (!errors.isEmpty()) {
                throw Open311Exception.invalid(errors.stream().distinct().toList());
            }
            return new Open311Query(List.copyOf(new LinkedHashSet<>(trackingNumbers)), Set.of(), null, null, null,
                    max);
        }

        Set<Category> categories = new LinkedHashSet<>();
        for (String code : params.commaSeparated("service_code")) {
            Open311Services.category(code).ifPresentOrElse(categories::add,
                    () -> errors.add(new Open311Exception.Message("open311.error.service-code")));
        }

        Boolean closed = status(params.commaSeparated("status"), errors);
        int limit = limit(params.single("limit"), max, errors);

        OffsetDateTime start = date(params.single("start_date"), "start_date", errors);
        OffsetDateTime end = date(params.single("end_date"), "end_date", errors);
        Duration window = config.window();
        if (start == null && end == null) {
            end = now;
            start = now.minus(window);
        } else if (end == null) {
            end = start.plus(window);
        } else if (start == null) {
            start = end.minus(window);
        }
        if (start != null && end != null
                && (end.isBefore(start) || Duration.between(start, end).compareTo(window) > 0)) {
            errors.add(new Open311Exception.Message("open311.error.date-range", String.valueOf(window.toDays())));
        }

        if (!errors.isEmpty()) {
            throw Open311Exception.invalid(errors.stream().distinct().toList());
        }
        return new Open311Query(List.of(), Set.copyOf(categories), start, end, closed, limit);
    }

    public boolean byId() {
        return !trackingNumbers.isEmpty();
    }

    private static Boolean status(List<String> statuses, List<Open311Exception.Message> errors) {
        boolean open = false;
        boolean closed = false;
        for (String status : statuses) {
            switch (status.toLowerCase(Locale.ROOT)) {
                case "open" -> open = true;
                case "closed" -> closed = true;
                default -> errors.add(new Open311Exception.Message("open311.error.status"));
            }
        }
        return open == closed ? null : closed;
    }

    private static int limit(String text, int max, List<Open311Exception.Message> errors) {
        if (text == null) {
            return max;
        }
        if (!text.strip().matches("[0-9]{1,9}") || Integer.parseInt(text.strip()) < 1) {
            errors.add(new Open311Exception.Message("open311.error.limit"));
            return max;
        }
        return Math.min(Integer.parseInt(text.strip()), max);
    }

    /**
     * A W3C datetime with its zone ({@code 2026-01-31T08:00:00+07:00}, {@code ...Z}). A {@code +} of the offset
     * that a client forgot to encode arrives as a space; it is read as the {@code +} it was.
     */
    private static OffsetDateTime date(String text, String name, List<Open311Exception.Message> errors) {
        if (text == null) {
            return null;
        }
        String repaired = text.strip().replaceFirst("^(\\S+T\\S+) ([0-9]{2}:[0-9]{2})$", "$1+$2");
        try {
            OffsetDateTime date = OffsetDateTime.parse(repaired);
            if (date.getYear() < 1900 || date.getYear() > 9999) {
                throw new DateTimeParseException("year out of range", repaired, 0);
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(new Open311Exception.Message("open311.error.date", name));
            return null;
        }
    }
}
