package id.aduan.testing;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * One real Kafka broker (combined KRaft broker and controller) per test JVM, on a random port, started on first use
 * and stopped when the JVM exits. It is Kafka's own test kit: the same broker code as production, no Docker.
 */
public final class KafkaBroker {

    private static KafkaClusterTestKit cluster;

    private KafkaBroker() {
    }

    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            cluster = start();
        }
        return cluster.bootstrapServers();
    }

    private static KafkaClusterTestKit start() {
        // The broker runs inside the test JVM: it must never exit or halt it (Kafka's own tests do the same).
        Exit.setExitProcedure((status, message) ->
                System.err.println("Test Kafka broker asked to exit(" + status + "): " + message + " (ignored)"));
        Exit.setHaltProcedure((status, message) ->
                System.err.println("Test Kafka broker asked to halt(" + status + "): " + message + " (ignored)"));
        try {
            KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "3")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                    .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("num.partitions", "3")
                    .build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                // Bounded: a slow broker shutdown must not hold the test JVM's exit.
                Thread closer = new Thread(() -> {
                    try {
                        kit.close();
                    } catch (Exception e) {
                        System.err.println("Test Kafka broker did not close cleanly: " + e);
                    }
                }, "kafka-test-broker-close");
                closer.setDaemon(true);
                closer.start();
                try {
                    closer.join(20_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "kafka-test-broker-stop"));
            return kit;
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the test Kafka broker", e);
        }
    }
}
