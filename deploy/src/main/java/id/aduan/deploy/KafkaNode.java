package id.aduan.deploy;

import id.aduan.deploy.Stack.Component;
import id.aduan.events.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka 4 broker in KRaft mode (broker and controller in one process), run from the Kafka jars on the
 * launcher's classpath. Its log dirs live under {@code <home>/kafka/data}, so a second {@code up} keeps topics and
 * committed offsets. With {@code ADUAN_KAFKA_BOOTSTRAP} set, no broker is started and that cluster is used.
 */
public final class KafkaNode implements Component {

    /** Every topic of the contract, then the dead-letter topic of each service (each one consumes). */
    static final List<String> TOPICS = Stream.concat(Topics.ALL.stream(),
            Arrays.stream(Service.values()).map(s -> Topics.deadLetter(s.module()))).toList();

    private final StackSettings settings;
    private final ManagedProcess process;

    KafkaNode(StackSettings settings) {
        this.settings = settings;
        this.process = new ManagedProcess("kafka", settings);
    }

    @Override
    public String name() {
        return "kafka";
    }

    String bootstrapServers() {
        return settings.externalKafka().orElse("127.0.0.1:" + settings.kafkaPort());
    }

    @Override
    public String describe() {
        return settings.externalKafka().isPresent() ? "external Kafka at " + bootstrapServers()
                : "Kafka 4 KRaft broker at " + bootstrapServers();
    }

    @Override
    public void start() {
        if (settings.externalKafka().isPresent()) {
            return;
        }
        Path dir = settings.home().resolve("kafka");
        Path data = dir.resolve("data");
        Path config = dir.resolve("server.properties");
        try {
            Files.createDirectories(data);
            Files.writeString(config, serverProperties(data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!Files.exists(data.resolve("meta.properties"))) {
            format(config);
        }
        process.start(List.of(java(), "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.log.kafka.coordinator=warn",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.storage=warn",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-cp", settings.launcherClasspath(), "kafka.Kafka", config.toString()), Map.of());
    }

    @Override
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            if (settings.externalKafka().isEmpty() && !process.isAlive()) {
                throw new IllegalStateException("Kafka exited with code " + process.exitCode() + ":\n"
                        + process.tail(30));
            }
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                createTopics(admin);
                return;
            } catch (Exception e) {
                last = e;
                sleep(500);
            }
        }
        throw new IllegalStateException("Kafka not ready after " + timeout.toSeconds() + " s: " + last
                + (settings.externalKafka().isEmpty() ? "\n" + process.tail(30) : ""));
    }

    @Override
    public void stop() {
        process.stop(Duration.ofSeconds(30));
    }

    /** kill -9, as a crash would: no controlled shutdown, no flush. */
    void kill() {
        if (settings.externalKafka().isEmpty()) {
            process.kill();
        }
    }

    @Override
    public long pid() {
        return process.pid();
    }

    private void createTopics(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        List<NewTopic> missing = new ArrayList<>();
        for (String topic : TOPICS) {
            if (!existing.contains(topic)) {
                NewTopic newTopic = new NewTopic(topic, settings.kafkaPartitions(), (short) 1);
                // The complaint topics are the system of record (the SLA clocks are rebuilt from them): keep them.
                boolean deadLetters = !Topics.ALL.contains(topic);
                newTopic.configs(Map.of("retention.ms", deadLetters ? "2592000000" : "-1"));
                missing.add(newTopic);
            }
        }
        if (!missing.isEmpty()) {
            try {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    private Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        return Admin.create(props);
    }

    private void format(Path config) {
        ManagedProcess formatter = new ManagedProcess("kafka-format", settings);
        formatter.start(List.of(java(), "-Xmx256m", "-cp", settings.launcherClasspath(), "kafka.tools.StorageTool",
                "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()), Map.of());
        Instant deadline = Instant.now().plusSeconds(60);
        while (formatter.isAlive() && Instant.now().isBefore(deadline)) {
            sleep(200);
        }
        Integer code = formatter.exitCode();
        formatter.stop(Duration.ofSeconds(1));
        if (code == null || code != 0) {
            throw new IllegalStateException("Formatting Kafka's storage failed:\n" + formatter.tail(20));
        }
    }

    private String serverProperties(Path data) {
        int port = settings.kafkaPort();
        int controller = settings.kafkaControllerPort();
        return """
                # Written by ./aduan up on every start; edit StackSettings, not this file.
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%d
                listeners=PLAINTEXT://127.0.0.1:%d,CONTROLLER://127.0.0.1:%d
                advertised.listeners=PLAINTEXT://127.0.0.1:%d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%s
                num.partitions=%d
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=10
                # Committed offsets never expire (about 19 years): a group away for long resumes where it stopped,
                # never re-reads its topics (kept forever) from their start. Only what it had applied but not
                # committed comes back: aduan.event-tables.redelivery-horizon bounds how long after.
                offsets.retention.minutes=10000000
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                """.formatted(controller, port, controller, port, data, settings.kafkaPartitions());
    }

    /** The java of this JVM, for the processes the launcher and the benchmarks start. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
