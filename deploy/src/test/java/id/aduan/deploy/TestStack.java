package id.aduan.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The stack the system tests share: started once per test JVM exactly as {@code ./aduan up} starts it (same
 * {@link Stack}, real Kafka process, real PostgreSQL, the four service jars), on free ports and a fresh data
 * folder, and stopped when the JVM exits.
 */
final class TestStack {

    private static StackSettings settings;
    private static Stack stack;

    private TestStack() {
    }

    static synchronized Stack get() {
        if (stack == null) {
            settings = settings();
            stack = new Stack(settings, Progress.to(System.out)).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                synchronized (TestStack.class) {
                    if (stack != null) {
                        stack.close();
                    }
                }
            }, "test-stack-stop"));
        }
        return stack;
    }

    /** Stops the whole stack and starts it again on the same data folder, as a second {@code ./aduan up} does. */
    static synchronized Stack restart() {
        get().close();
        stack = new Stack(settings, Progress.to(System.out)).start();
        return stack;
    }

    /** One number from the stack's database (to check what the services stored). */
    static long count(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(get().jdbcUrl(), "postgres", "");
                PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                if (p instanceof Collection<?> values) {
                    statement.setArray(i + 1, c.createArrayOf("varchar", values.toArray()));
                } else {
                    statement.setObject(i + 1, p);
                }
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * Reads topics from their beginning to the end offsets they have now and hands every record to {@code each}: what
     * acknowledged sends have put there, copies included.
     *
     * @param topics which topics to read
     * @return how many records were read
     */
    static long drain(Predicate<String> topics,
            Consumer<ConsumerRecord<String, String>> each) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                get().kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG,
                "system-test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (var consumer = new KafkaConsumer<>(props,
                new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.listTopics().values().stream()
                    .flatMap(List::stream).filter(p -> topics.test(p.topic()))
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long read = 0;
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    read++;
                    each.accept(record);
                }
            }
            return read;
        }
    }

    /** The api key the system tests' Open311 client uses. */
    static final String OPEN311_KEY = "system-test-open311-key";

    private static StackSettings settings() {
        try {
            Path home = Files.createTempDirectory("aduan-system-test");
            Map<String, String> env = new HashMap<>();
            env.put("ADUAN_HOME", home.toString());
            env.put("ADUAN_KAFKA_PORT", Integer.toString(freePort()));
            env.put("ADUAN_KAFKA_CONTROLLER_PORT", Integer.toString(freePort()));
            env.put("ADUAN_DB_PORT", Integer.toString(freePort()));
            env.put("ADUAN_KEYCLOAK_PORT", Integer.toString(freePort()));
            for (Service s : Service.values()) {
                env.put(s.portVariable(), Integer.toString(freePort()));
            }
            Path repo = Path.of(System.getProperty("aduan.repo", "..")).toAbsolutePath().normalize();
            String classpath = System.getProperty("aduan.launcher.classpath",
                    repo.resolve("deploy/target/launcher/lib/*").toString());
            // The router commits its offsets only every minute, so that the crash test's kill -9 surely makes Kafka
            // redeliver what it had already routed: the duplicates must then be dropped downstream. It still commits
            // what it processed when stopped, without waiting a whole interval for what is in flight.
            StackSettings stack = StackSettings.fromEnvironment(env, repo, classpath);
            // SlaClockIT moves the services' clocks (ClockResource); nothing else does.
            for (Service s : Service.values()) {
                stack = stack.withServiceEnv(s, Map.of("ADUAN_CLOCK_CONTROLLABLE", "true"));
            }
            return stack.withServiceEnv(Service.ROUTING, Map.of(
                    "MP_MESSAGING_INCOMING_COMPLAINTS_SUBMITTED_AUTO_COMMIT_INTERVAL_MS", "60000",
                    "MP_MESSAGING_INCOMING_COMPLAINTS_SUBMITTED_GRACEFUL_SHUTDOWN", "false"))
                    // The system tests submit hundreds of complaints from one address; rate limits have their own tests.
                    .withServiceEnv(Service.INTAKE, Map.of("ADUAN_INTAKE_OPEN311_API_KEYS", OPEN311_KEY,
                            "ADUAN_INTAKE_RATE_LIMIT_API_CAPACITY", "1000000",
                            "ADUAN_INTAKE_RATE_LIMIT_FORM_CAPACITY", "1000000",
                            "ADUAN_INTAKE_RATE_LIMIT_OPEN311_CAPACITY", "1000000"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
