package id.aduan.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One real PostgreSQL server per test JVM (the zonky embedded binaries run as a separate server process), on a
 * random port, with a fresh data directory, started on first use and stopped when the JVM exits.
 */
public final class PostgresServer {

    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    private static EmbeddedPostgres server;

    private PostgresServer() {
    }

    public static synchronized int port() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("fsync", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the test PostgreSQL server", e);
            }
        }
        return server.getPort();
    }

    public static String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    public static String reactiveUrl() {
        return "postgresql://localhost:" + port() + "/" + DATABASE;
    }
}
