package id.aduan.support.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one clock services read the time from, so that tests can replace it: with {@code aduan.clock.controllable}
 * (tests only) a {@link ControllableClock} they move.
 */
@Singleton
public class ClockProducer {

    @Produces
    @DefaultBean
    @Singleton
    Clock clock(@ConfigProperty(name = "aduan.clock.controllable", defaultValue = "false") boolean controllable) {
        return controllable ? new ControllableClock(Clock.systemUTC()) : Clock.systemUTC();
    }
}
