package id.aduan.testing;

import id.aduan.events.EventEnvelope;
import id.aduan.events.EventJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes raw records on the test broker, the way another service (or an attacker) would. */
public final class KafkaTopics {

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
     * Reads the topic from its beginning until {@code count} records match, or the timeout passes.
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
            // Read to the end, so that a caller asserting "exactly N" also sees any extra copy.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant drainDeadline = Instant.now().plusSeconds(5);
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())
                    && Instant.now().isBefore(drainDeadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (match.test(r)) {
                        matching.add(r);
                    }
                });
            }
        }
        return matching;
    }

    /** Every record currently on the topic that matches. */
    public static List<ConsumerRecord<String, byte[]>> all(String topic,
            Predicate<ConsumerRecord<String, byte[]>> match) {
        return await(topic, match, Integer.MAX_VALUE, Duration.ofSeconds(2));
    }

    /** Every matching record up to the topic's current end: what acknowledged sends have put there. */
    public static List<ConsumerRecord<String, byte[]>> current(String topic,
            Predicate<ConsumerRecord<String, byte[]>> match) {
        return await(topic, match, 0, Duration.ofSeconds(10));
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
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "true");
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
