package id.aduan.sla.config;

import id.aduan.sla.domain.SlaPolicies;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** The SLA policies. (The working-day calendar in force is {@link id.aduan.sla.domain.Calendars}.) */
@Singleton
public class CalendarProducer {

    private static final Logger LOG = Logger.getLogger(CalendarProducer.class);

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
