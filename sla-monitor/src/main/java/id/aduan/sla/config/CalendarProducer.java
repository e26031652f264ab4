package id.aduan.sla.config;

import id.aduan.events.Wib;
import id.aduan.sla.domain.Holiday;
import id.aduan.sla.domain.HolidayFiles;
import id.aduan.sla.domain.SlaPolicies;
import id.aduan.sla.domain.WorkingCalendar;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The SLA policies, and the working-day calendar of the built-in holiday files: last year's (for clocks still open from then), this
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

    /** The SLA policies; an invalid file stops the service with every reason. */
    @Produces
    @Singleton
    SlaPolicies policies(SlaConfig config) {
        SlaPolicies policies = config.policiesFile().map(SlaPolicies::fromFile)
                .orElseGet(SlaPolicies::fromClasspath);
        LOG.infof("SLA policies %s", policies.version());
        return policies;
    }
}
