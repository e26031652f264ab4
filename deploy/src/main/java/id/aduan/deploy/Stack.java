package id.aduan.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The whole system on one machine: PostgreSQL and a Kafka broker, then the four services, each a process of its
 * own, started in parallel where they do not depend on each other. Used by {@code ./aduan up} and by the system
 * tests, so the tests run the stack exactly the way people do.
 */
public final class Stack implements AutoCloseable {

    /** Something the stack starts, waits for and stops. */
    interface Component {
        String name();

        String describe();

        void start();

        void awaitReady(Duration timeout);

        void stop();

        long pid();
    }

    private static final Duration INFRA_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(180);

    private final StackSettings settings;
    private final Progress progress;
    private final PostgresNode postgres;
    private final KafkaNode kafka;
    private final KeycloakNode keycloak;
    private final Map<Service, ServiceNode> services = new EnumMap<>(Service.class);
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "aduan-stack");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean started;
    private boolean closed;

    public Stack(StackSettings settings, Progress progress) {
        this.settings = settings;
        this.progress = progress;
        this.postgres = new PostgresNode(settings);
        this.kafka = new KafkaNode(settings);
        this.keycloak = new KeycloakNode(settings, postgres);
        for (Service s : Service.values()) {
            services.put(s, new ServiceNode(s, settings, kafka.bootstrapServers(), postgres, keycloak.issuer()));
        }
    }

    /**
     * One more instance of a service, given the very environment the stack gives its own (Kafka, PostgreSQL, OIDC),
     * under a process name of its own. The benchmarks run one next to a running stack.
     */
    public static ServiceNode extraNode(Service service, String processName, StackSettings settings) {
        PostgresNode postgres = new PostgresNode(settings);
        return new ServiceNode(service, processName, settings, new KafkaNode(settings).bootstrapServers(), postgres,
                new KeycloakNode(settings, postgres).issuer());
    }

    /** Starts everything and returns once every part is ready; on failure, stops what did start. */
    public Stack start() {
        Leftovers.clean(settings, progress);
        writeState("STARTING");
        try {
            // Keycloak keeps its data in PostgreSQL; the services need all three.
            runAll(List.of(postgres), INFRA_TIMEOUT);
            runAll(List.of(kafka, keycloak), INFRA_TIMEOUT);
            runAll(new ArrayList<>(services.values()), SERVICE_TIMEOUT);
            started = true;
            writeState("READY");
            return this;
        } catch (RuntimeException e) {
            writeState("FAILED");
            close();
            throw e;
        }
    }

    /** kill -9 one service, as a crash would. */
    public void kill(Service service) {
        services.get(service).kill();
    }

    /** Starts one service again and waits until it is ready. */
    public void restart(Service service) {
        restart(service, Map.of());
    }

    /** Starts one service again, with extra environment for this run, and waits until it is ready. */
    public void restart(Service service, Map<String, String> extraEnv) {
        ServiceNode node = services.get(service);
        node.stop();
        Instant t0 = Instant.now();
        progress.starting(node.name(), node.describe());
        node.start(extraEnv);
        node.awaitReady(SERVICE_TIMEOUT);
        progress.ready(node.name(), Duration.between(t0, Instant.now()));
    }

    /** kill -9 the Kafka broker the stack started, as a crash would. */
    public void killBroker() {
        kafka.kill();
    }

    /** Starts the broker again on its data folder and waits until it is ready. */
    public void restartBroker() {
        Instant t0 = Instant.now();
        progress.starting(kafka.name(), kafka.describe());
        kafka.start();
        kafka.awaitReady(INFRA_TIMEOUT);
        progress.ready(kafka.name(), Duration.between(t0, Instant.now()));
    }

    public boolean isAlive(Service service) {
        return services.get(service).isAlive();
    }

    public String url(Service service) {
        return settings.url(service);
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    /** The OIDC issuer the services trust. */
    public String oidcIssuer() {
        return keycloak.issuer();
    }

    /** The sample users of the local realm and their generated passwords (local use only). */
    public Map<String, String> users() {
        return keycloak.users();
    }

    /** Stops the services first (so they commit what they consumed), then Kafka, then PostgreSQL. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        for (ServiceNode node : services.values()) {
            stopping.add(CompletableFuture.runAsync(node::stop, pool));
        }
        stopping.forEach(f -> f.exceptionally(e -> null).join());
        quietly(kafka::stop);
        quietly(keycloak::stop);
        quietly(postgres::stop);
        if (started) {
            progress.info("Aduan stopped.");
        }
        started = false;
        writeState("STOPPED");
        pool.shutdown();
    }

    /** The addresses people open, in the order of the flow. */
    public Map<String, String> urls() {
        Map<String, String> urls = new LinkedHashMap<>();
        for (Service s : Service.values()) {
            urls.put(s.module(), settings.url(s) + s.mainPath());
        }
        for (Service s : Service.values()) {
            urls.put(s.module() + " Swagger UI", settings.url(s) + "/q/swagger-ui");
        }
        for (Service s : Service.values()) {
            urls.put(s.module() + " health", settings.url(s) + "/q/health");
        }
        urls.put("OIDC realm (Keycloak)", keycloak.issuer());
        if (settings.externalOidc().isEmpty()) {
            urls.put("Keycloak admin console", keycloak.baseUrl() + "/admin (user admin, password "
                    + keycloak.adminPassword() + ")");
        }
        urls.put("Kafka bootstrap", kafka.bootstrapServers());
        urls.put("PostgreSQL", PostgresNode.redacted(postgres.jdbcUrl()));
        return urls;
    }

    private void runAll(List<? extends Component> components, Duration timeout) {
        Instant begin = Instant.now();
        Map<String, Boolean> pending = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (Component c : components) {
            pending.put(c.name(), true);
            progress.starting(c.name(), c.describe());
            all.add(CompletableFuture.runAsync(() -> {
                Instant t0 = Instant.now();
                c.start();
                c.awaitReady(timeout);
                pending.remove(c.name());
                progress.ready(c.name(), Duration.between(t0, Instant.now()));
            }, pool));
        }
        CompletableFuture<Void> done = CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
        while (true) {
            try {
                done.get(5, TimeUnit.SECONDS);
                return;
            } catch (java.util.concurrent.TimeoutException stillWaiting) {
                progress.waiting(new ArrayList<>(pending.keySet()), Duration.between(begin, Instant.now()));
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause() instanceof CompletionException ce ? ce.getCause() : e.getCause();
                throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while starting", e);
            }
        }
    }

    private void writeState(String state) {
        try {
            Files.createDirectories(settings.run());
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("state", state);
            doc.put("at", Instant.now().toString());
            doc.put("launcherPid", ProcessHandle.current().pid());
            doc.put("kafkaBootstrap", kafka.bootstrapServers());
            doc.put("jdbcUrl", postgres.jdbcUrl());
            doc.put("dbUser", settings.dbUser());
            doc.put("oidcIssuer", keycloak.issuer());
            Map<String, String> serviceUrls = new LinkedHashMap<>();
            for (Service s : Service.values()) {
                serviceUrls.put(s.module(), settings.url(s));
            }
            doc.put("services", serviceUrls);
            Path tmp = settings.run().resolve("stack.json.tmp");
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), doc);
            Files.move(tmp, stateFile(settings), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the stack state", e);
        }
    }

    public static Path stateFile(StackSettings settings) {
        return settings.run().resolve("stack.json");
    }

    private static void quietly(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            System.err.println("While stopping: " + e.getMessage());
        }
    }
}
