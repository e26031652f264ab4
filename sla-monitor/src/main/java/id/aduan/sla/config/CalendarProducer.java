package id.aduan.sla.config;

import id.aduan.events.Wib;
import id.aduan.sla.domain.Holiday;
import id.aduan.sla.domain.HolidayFiles;
import id.aduan.sla.domain.WorkingCalendar;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The working-day calendar of the built-in holiday files: last year's (for clocks still open from then), this
 * year's and next year's. An invalid file stops the service with its bad lines listed.
 */
@Singleton
public class CalendarProducer {

    private static final Logger LOG = Logger.getLogger(CalendarProducer.class);

    @Produces
    @Singleton
    WorkingCalendar calendar(Clock clock) {
        int year = Wib.now(clock).getYear();
        List<Holiday> holidays = HolidayFiles.builtIn(year - 1, year, year + 1);
        LOG.infof("Working-day calendar %d-%d: %d holidays and cuti bersama", year - 1, year + 1, holidays.size());
        return new WorkingCalendar(holidays);
    }
}
