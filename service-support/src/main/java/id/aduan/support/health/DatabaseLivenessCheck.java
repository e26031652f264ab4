package id.aduan.support.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Liveness that covers the database without flapping. Readiness already takes a service out of traffic the moment
 * PostgreSQL is unreachable; liveness reports DOWN (and so asks for a restart) only when it has been unreachable for
 * longer than {@code aduan.health.database-down-grace} (5 minutes by default), for example a connection pool stuck
 * after a failover. A service with a database declares a subclass as its {@code @Liveness} bean.
 */
public abstract class DatabaseLivenessCheck implements AsyncHealthCheck {

    private static final String NAME = "Database reachable (liveness)";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    @Inject
    Pool pool;

    @ConfigProperty(name = "aduan.health.database-down-grace", defaultValue = "5m")
    Duration grace;

    private final AtomicLong lastSuccess = new AtomicLong(System.nanoTime());

    @Override
    public Uni<HealthCheckResponse> call() {
        return pool.query("select 1").execute()
                .ifNoItem().after(PROBE_TIMEOUT).fail()
                .map(rows -> {
                    lastSuccess.set(System.nanoTime());
                    return HealthCheckResponse.up(NAME);
                })
                .onFailure().recoverWithItem(e -> {
                    Duration unreachable = Duration.ofNanos(System.nanoTime() - lastSuccess.get());
                    return HealthCheckResponse.named(NAME)
                            .status(unreachable.compareTo(grace) <= 0)
                            .withData("unreachable-for-seconds", unreachable.toSeconds())
                            .withData("down-after-seconds", grace.toSeconds())
                            .withData("error", String.valueOf(e.getMessage()))
                            .build();
                });
    }
}
