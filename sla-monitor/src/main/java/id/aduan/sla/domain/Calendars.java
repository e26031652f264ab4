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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private WorkingCalendar build(List<Correction> loaded) {
        Map<LocalDate, Holiday> days = new LinkedHashMap<>();
        builtIn().forEach(h -> days.put(h.date(), h));
        for (Correction c : loaded) {
            Holiday.Kind kind = Holiday.Kind.ofCode(c.kind());
            if (kind == null) {
                days.remove(c.day()); // kerja: a working day after all
            } else {
                days.put(c.day(), new Holiday(c.day(), kind, c.name(), c.source()));
            }
        }
        return new WorkingCalendar(days.values());
    }
}
