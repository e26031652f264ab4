package id.aduan.sla.domain;

import id.aduan.events.Wib;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The working-day calendar in force: the built-in holiday files of last, this and next year, with the corrections
 * the calendar admin API keeps in the database. Every instance reloads the corrections when they change (checked every
 * 10 s, and at once on the instance that made the change); each {@link WorkingCalendar} stays immutable.
 */
@ApplicationScoped
public class Calendars {

    private static final Logger LOG = Logger.getLogger(Calendars.class);
    static final String CORRECTIONS = "select day, kind, name, source from sla.calendar_day order by day";

    /** A day of the calendar admin API: {@code kind} libur, cuti-bersama, or kerja (a working day again). */
    public record Correction(LocalDate day, String kind, String name, String source) {
    }

    /** A day the files or the corrections name, as in force: {@code kind} libur, cuti-bersama or kerja. */
    public record Day(LocalDate date, String kind, String name, String source, boolean corrected) {
    }

    private final AtomicReference<WorkingCalendar> current = new AtomicReference<>();
    private final AtomicReference<List<Correction>> corrections = new AtomicReference<>(List.of());
    private List<Holiday> builtIn;

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    /** The calendar in force now. */
    public WorkingCalendar current() {
        WorkingCalendar calendar = current.get();
        if (calendar == null) {
            synchronized (this) {
                if (current.get() == null) {
                    current.set(build(List.of()));
                }
            }
            calendar = current.get();
        }
        return calendar;
    }

    /** The built-in holidays (of the years the calendar covers). */
    public synchronized List<Holiday> builtIn() {
        if (builtIn == null) {
            int year = Wib.now(clock).getYear();
            builtIn = HolidayFiles.builtIn(year - 1, year, year + 1);
            LOG.infof("Working-day calendar %d-%d: %d holidays and cuti bersama in the built-in files", year - 1,
                    year + 1, builtIn.size());
        }
        return builtIn;
    }

    public List<Correction> corrections() {
        return corrections.get();
    }

    @Scheduled(every = "${aduan.sla.calendar-refresh:10s}", delay = 0,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledRefresh() {
        return refresh().onFailure().invoke(e -> LOG.warnf("Calendar corrections not reloaded: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Reloads the corrections; true if they changed. */
    public Uni<Boolean> refresh() {
        return pool.query(CORRECTIONS).execute().map(rows -> {
            List<Correction> loaded = new ArrayList<>();
            for (Row row : rows) {
                loaded.add(new Correction(row.getLocalDate("day"), row.getString("kind"), row.getString("name"),
                        row.getString("source")));
            }
            if (loaded.equals(corrections.get()) && current.get() != null) {
                return false;
            }
            corrections.set(List.copyOf(loaded));
            current.set(build(loaded));
            LOG.infof("Working-day calendar: %d corrections in force", loaded.size());
            return true;
        });
    }

    /** Every day the built-in files or the corrections in force name, by date: a correction replaces its file line. */
    public List<Day> days() {
        return merged(corrections.get());
    }

    private List<Day> merged(List<Correction> loaded) {
        Map<LocalDate, Day> days = new TreeMap<>();
        builtIn().forEach(h -> days.put(h.date(), new Day(h.date(), h.kind().code(), h.name(), h.source(), false)));
        loaded.forEach(c -> days.put(c.day(), new Day(c.day(), c.kind(), c.name(), c.source(), true)));
        return List.copyOf(days.values());
    }

    /** The days off among them; a day corrected to kerja is a working day after all. */
    private WorkingCalendar build(List<Correction> loaded) {
        return new WorkingCalendar(merged(loaded).stream()
                .filter(day -> Holiday.Kind.ofCode(day.kind()) != null)
                .map(day -> new Holiday(day.date(), Holiday.Kind.ofCode(day.kind()), day.name(), day.source()))
                .toList());
    }
}
