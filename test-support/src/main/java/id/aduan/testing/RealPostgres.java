package id.aduan.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points the service under test at the JVM's real PostgreSQL server, for both Hibernate Reactive and Flyway. */
public class RealPostgres implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.datasource.reactive.url", PostgresServer.reactiveUrl(),
                "quarkus.datasource.jdbc.url", PostgresServer.jdbcUrl(),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", "");
    }

    @Override
    public void stop() {
        // The server lives as long as the JVM: several test classes share it.
    }
}
