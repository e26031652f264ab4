package id.aduan.sla.domain;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a year's holiday file ({@code calendar/holidays-YYYY.csv}: {@code date,kind,name,source}, {@code #} comments).
 * A file with any bad line is refused whole, each bad line named, so a typo never half-changes the deadlines.
 */
public final class HolidayFiles {

    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.ALLOW_COMMENTS)
            .enable(CsvParser.Feature.TRIM_SPACES);
    private static final CsvSchema HEADER = CsvSchema.emptySchema().withHeader().withComments();

    private HolidayFiles() {
    }

    /** The built-in files: this year's and the next year's, from the classpath. */
    public static List<Holiday> builtIn(int... years) {
        List<Holiday> all = new ArrayList<>();
        for (int year : years) {
            String resource = "calendar/holidays-" + year + ".csv";
            try (InputStream in = HolidayFiles.class.getClassLoader().getResourceAsStream(resource)) {
                if (in != null) {
                    all.addAll(read(resource, in));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    public static List<Holiday> read(String source, InputStream in) {
        List<Holiday> holidays = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        try (MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class).with(HEADER)
                .readValues(in)) {
            while (rows.hasNextValue()) {
                Map<String, String> row;
                try {
                    row = rows.nextValue();
                } catch (RuntimeException e) {
                    problems.add("line " + lineOf(rows) + ": not a CSV row");
                    break;
                }
                int line = lineOf(rows);
                Holiday holiday = holiday(row, line, problems);
                if (holiday != null && !seen.add(holiday.date())) {
                    problems.add("line " + line + ": " + holiday.date() + " is listed twice");
                } else if (holiday != null) {
                    holidays.add(holiday);
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add("not a holiday file (date,kind,name,source): " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new InvalidCalendarException(source, problems);
        }
        return List.copyOf(holidays);
    }

    /** The line of the row just read: the parser stands at the start of the next line once it has read its end. */
    private static int lineOf(MappingIterator<?> rows) {
        var at = rows.getCurrentLocation();
        return at.getColumnNr() <= 1 ? at.getLineNr() - 1 : at.getLineNr();
    }

    private static Holiday holiday(Map<String, String> row, int line, List<String> problems) {
        String date = row.get("date");
        String kind = row.get("kind");
        String name = row.get("name");
        String source = row.get("source");
        int before = problems.size();
        LocalDate day = null;
        try {
            day = LocalDate.parse(date == null ? "" : date);
        } catch (DateTimeException e) {
            problems.add("line " + line + ": '" + date + "' is not a date (YYYY-MM-DD)");
        }
        Holiday.Kind known = Holiday.Kind.ofCode(kind);
        if (known == null) {
            problems.add("line " + line + ": kind must be libur or cuti-bersama, not '" + kind + "'");
        }
        if (name == null || name.isBlank()) {
            problems.add("line " + line + ": the holiday needs a name");
        }
        if (source == null || source.isBlank()) {
            problems.add("line " + line + ": the holiday needs its source (the decree)");
        }
        return problems.size() > before ? null : new Holiday(day, known, name.strip(), source.strip());
    }
}
