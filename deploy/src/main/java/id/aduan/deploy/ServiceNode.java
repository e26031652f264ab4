package id.aduan.deploy;

import id.aduan.deploy.Stack.Component;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One service as its own JVM, started from its Quarkus fast-jar and ready when its readiness check says UP. */
public final class ServiceNode implements Component {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Service service;
    private final StackSettings settings;
    private final Map<String, String> environment;
    private final ManagedProcess process;

    ServiceNode(Service service, StackSettings settings, String kafkaBootstrap, PostgresNode postgres,
            String oidcIssuer) {
        this(service, service.module(), settings, kafkaBootstrap, postgres, oidcIssuer);
    }

    /**
     * A node whose process has a name of its own (its log and pid file), for a second instance of a service next to
     * the stack's, such as the routing benchmark's.
     */
    ServiceNode(Service service, String processName, StackSettings settings, String kafkaBootstrap,
            PostgresNode postgres, String oidcIssuer) {
        this.service = service;
        this.settings = settings;
        this.process = new ManagedProcess(processName, settings);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(settings.port(service)));
        env.put("QUARKUS_HTTP_HOST", settings.bindHost());
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
        env.put("ADUAN_OIDC_URL", oidcIssuer);
        if (service.usesDatabase()) {
            env.put("ADUAN_DB_JDBC_URL", postgres.jdbcUrl());
            env.put("ADUAN_DB_REACTIVE_URL", postgres.reactiveUrl());
            env.put("ADUAN_DB_USER", settings.dbUser());
            env.put("ADUAN_DB_PASSWORD", settings.dbPassword());
        }
        env.putAll(settings.serviceEnv().getOrDefault(service, Map.of()));
        this.environment = env;
    }

    @Override
    public String name() {
        return service.module();
    }

    @Override
    public String describe() {
        return settings.url(service);
    }

    Path jar() {
        return settings.repo().resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    @Override
    public void start() {
        start(Map.of());
    }

    /** Starts with extra environment for this run only (tests use it to simulate a crash window). */
    public void start(Map<String, String> extra) {
        if (!Files.exists(jar())) {
            throw new IllegalStateException(jar() + " is missing: build first (./mvnw package -DskipTests)");
        }
        List<String> command = new ArrayList<>();
        command.add(KafkaNode.java());
        command.addAll(List.of(settings.javaOpts(service).trim().split("\\s+")));
        command.add("-jar");
        command.add(jar().toString());
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.putAll(extra);
        process.start(command, env);
    }

    @Override
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name() + " exited with code " + process.exitCode() + ":\n"
                        + process.tail(40));
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                                URI.create(settings.url(service) + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + response.statusCode() + " " + response.body();
            } catch (java.io.IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
            KafkaNode.sleep(300);
        }
        throw new IllegalStateException(name() + " not ready after " + timeout.toSeconds() + " s (" + last + "):\n"
                + process.tail(40));
    }

    @Override
    public void stop() {
        process.stop(Duration.ofSeconds(30));
    }

    /** kill -9: no shutdown hook, no offset commit. */
    void kill() {
        process.kill();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public long pid() {
        return process.pid();
    }

    Service service() {
        return service;
    }
}
