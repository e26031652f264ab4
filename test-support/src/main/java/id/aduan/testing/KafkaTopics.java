package id.aduan.testing;

import id.aduan.events.EventEnvelope;
import id.aduan.events.EventJson;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes raw records on the test broker, the way another service (or an attacker) would. */
public final class KafkaTopics {

    /** The test's own readers: they never commit, and are no service of the stack. */
    private static final String READER_GROUP = "test-reader-";

    private KafkaTopics() {
    }

    /** Sends one event as the contract's JSON, keyed by complaint id, and waits for the broker's ack. */
    public static void send(String topic, EventEnvelope event) {
        send(topic, event.key(), EventJson.write(event));
    }

    /** Sends raw bytes (for example a poison record) and waits for the broker's ack. */
    public static void send(String topic, String key, byte[] value) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
            record.headers().add(new RecordHeader("test-sent", "true".getBytes()));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + topic, e);
        }
    }

    /**
     * Reads the topic from its beginning until {@code count} records match, or the timeout passes. A positive wait:
     * it may return before a late copy arrives, so "exactly N" is checked with {@link #settled}.
     *
     * @return every matching record seen (possibly fewer than {@code count} on timeout, or more if they exist)
     */
    public static List<ConsumerRecord<String, byte[]>> await(String topic,
            Predicate<ConsumerRecord<String, byte[]>> match, int count, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> matching = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic, timeout);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(timeout);
            while (matching.size() < count && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (match.test(r)) {
                        matching.add(r);
                    }
                });
            }
            readToEnd(consumer, partitions, match, matching);
        }
        return matching;
    }

    /**
     * For "exactly N": waits until {@code count} records match, then until the stack is quiet ({@link #awaitQuiet}),
     * then counts every match up to the topic's end. A late duplicate is in the result.
     */
    public static List<ConsumerRecord<String, byte[]>> settled(String topic,
            Predicate<ConsumerRecord<String, byte[]>> match, int count, Duration timeout) {
        await(topic, match, count, timeout);
        awaitQuiet();
        return drain(topic, match);
    }

    /** Every record on the topic that matches, from its beginning to its end offsets as they are now. */
    public static List<ConsumerRecord<String, byte[]>> drain(String topic,
            Predicate<ConsumerRecord<String, byte[]>> match) {
        List<ConsumerRecord<String, byte[]>> matching = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic, Duration.ofSeconds(10));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            readToEnd(consumer, partitions, match, matching);
        }
        return matching;
    }

    /** Every record currently on the topic that matches (see {@link #drain}). */
    public static List<ConsumerRecord<String, byte[]>> all(String topic,
            Predicate<ConsumerRecord<String, byte[]>> match) {
        return drain(topic, match);
    }

    /** Every matching record up to the topic's current end: what acknowledged sends have put there. */
    public static List<ConsumerRecord<String, byte[]>> current(String topic,
            Predicate<ConsumerRecord<String, byte[]>> match) {
        return drain(topic, match);
    }

    /** {@link #awaitQuiet(Duration)} for at most 60 seconds. */
    public static void awaitQuiet() {
        awaitQuiet(Duration.ofSeconds(60));
    }

    /**
     * Waits until the services under test have nothing left to do with events: every active consumer group has
     * committed the end offset of each partition it is assigned, every outbox ({@code *.outbox_event}) has sent all
     * its rows, and no end offset moved between two such looks (what they produced meanwhile is handled too). Then
     * no copy is still on its way; a negative or "exactly N" check may drain and count.
     *
     * @throws IllegalStateException if that is not so within the timeout
     */
    public static void awaitQuiet(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaBroker.bootstrapServers()))) {
            Map<TopicPartition, Long> settledAt = null;
            while (true) {
                Map<TopicPartition, Long> behind = new HashMap<>();
                Map<TopicPartition, Long> ends = new HashMap<>();
                lag(admin, behind, ends);
                unsentOutboxRows().forEach((table, rows) -> behind.put(new TopicPartition(table, 0), rows));
                if (behind.isEmpty() && ends.equals(settledAt)) {
                    return;
                }
                settledAt = behind.isEmpty() ? ends : null;
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Consumers still behind after " + timeout + ": " + behind);
                }
                try {
                    Thread.sleep(100); // polling interval of the wait, not a wait for something not to happen
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not read the consumer groups", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Fills {@code ends} with the end offsets of the partitions active groups read, {@code behind} with the lagging. */
    private static void lag(Admin admin, Map<TopicPartition, Long> behind, Map<TopicPartition, Long> ends)
            throws ExecutionException, InterruptedException {
        List<String> groups = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get().stream()
                .map(GroupListing::groupId).filter(g -> !g.startsWith(READER_GROUP)).toList();
        Map<String, ConsumerGroupDescription> described = admin.describeConsumerGroups(groups).all().get();
        Map<String, Set<TopicPartition>> assigned = new HashMap<>();
        for (ConsumerGroupDescription group : described.values()) {
            if (group.members().isEmpty()) {
                continue; // nobody reads for it now: a group of a service no longer running
            }
            if (group.groupState() != GroupState.STABLE) {
                // Rebalancing: who reads what is not known yet.
                behind.put(new TopicPartition(group.groupId() + " (" + group.groupState() + ")", 0), -1L);
                continue;
            }
            Set<TopicPartition> partitions = new HashSet<>();
            group.members().forEach(m -> partitions.addAll(m.assignment().topicPartitions()));
            assigned.put(group.groupId(), partitions);
        }
        Set<TopicPartition> all = new HashSet<>();
        assigned.values().forEach(all::addAll);
        if (all.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        all.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
        Set<String> deadLettered = null;
        for (Map.Entry<String, Set<TopicPartition>> group : assigned.entrySet()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                    .partitionsToOffsetAndMetadata().get();
            for (TopicPartition tp : group.getValue()) {
                OffsetAndMetadata done = committed.get(tp);
                long from = done == null ? 0 : done.offset();
                long end = ends.get(tp);
                if (from >= end) {
                    continue;
                }
                // A record sent to a dead-letter topic is handled, even where its offset is not committed (the
                // services' consumers leave such offsets uncommitted until a later record follows).
                if (deadLettered == null) {
                    deadLettered = deadLettered(admin);
                }
                long open = from;
                while (open < end && deadLettered.contains(tp + "@" + open)) {
                    open++;
                }
                if (open < end) {
                    behind.put(new TopicPartition(group.getKey() + "@" + tp.topic(), tp.partition()), end - from);
                }
            }
        }
    }

    /** "topic-partition@offset" of every record on a dead-letter topic (SmallRye's dead-letter-* headers). */
    private static Set<String> deadLettered(Admin admin) throws ExecutionException, InterruptedException {
        Set<String> found = new HashSet<>();
        for (String topic : admin.listTopics().names().get()) {
            if (!topic.startsWith("aduan.dlq.")) {
                continue;
            }
            for (ConsumerRecord<String, byte[]> r : drain(topic, r -> header(r, "dead-letter-offset") != null)) {
                found.add(header(r, "dead-letter-topic") + "-" + header(r, "dead-letter-partition") + "@"
                        + header(r, "dead-letter-offset"));
            }
        }
        return found;
    }

    /** Unsent rows of each outbox in the test database, by table; empty when all is sent. */
    private static Map<String, Long> unsentOutboxRows() {
        Map<String, Long> unsent = new HashMap<>();
        try (Connection c = DriverManager.getConnection(PostgresServer.jdbcUrl(), PostgresServer.USER, "");
                Statement statement = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select table_schema from information_schema.columns"
                    + " where table_name = 'outbox_event' and column_name = 'sent_at'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1) + ".outbox_event");
                }
            }
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("select count(*) from " + table
                        + " where sent_at is null")) {
                    rows.next();
                    if (rows.getLong(1) > 0) {
                        unsent.put(table, rows.getLong(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the outboxes", e);
        }
        return unsent;
    }

    private static void readToEnd(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions,
            Predicate<ConsumerRecord<String, byte[]>> match, List<ConsumerRecord<String, byte[]>> matching) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Instant deadline = Instant.now().plusSeconds(30);
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Could not read " + partitions + " to " + end);
            }
            consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                if (match.test(r)) {
                    matching.add(r);
                }
            });
        }
    }

    /** The value of a record header as text, or {@code null}. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer, String topic,
            Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            }
            if (Instant.now().isAfter(deadline)) {
                return List.of();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, READER_GROUP + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "true");
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
