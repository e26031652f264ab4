package id.aduan.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.Sql;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The event tables stop growing: sent outbox rows and old processed-event records go, nothing else does. */
@QuarkusTest
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
class EventTablePruningTest {

    @Inject
    EventTablePruning pruning;

    @Test
    void sentOutboxRowsPastKeepSentGoUnsentAndRecentOnesStay() throws Throwable {
        // keep-sent is 1h by default; the batch size is 2 in tests, so five old rows take three batches.
        UUID[] oldSent = {outbox("2 hours", true), outbox("3 hours", true), outbox("1 day", true),
            outbox("2 days", true), outbox("61 minutes", true)};
        UUID oldUnsent = outbox("2 days", false);
        UUID recentSent = outbox("10 minutes", true);

        EventTablePruning.Pruned pruned = VertxContextSupport.subscribeAndAwait(pruning::prune);

        for (UUID id : oldSent) {
            assertThat(outboxRow(id)).as("sent more than an hour ago").isZero();
        }
        assertThat(outboxRow(oldUnsent)).as("never sent: the relay still owes it").isOne();
        assertThat(outboxRow(recentSent)).isOne();
        assertThat(pruned.sent()).isGreaterThanOrEqualTo(oldSent.length);
    }

    @Test
    void processedEventRecordsGoOnlyAfterKeepProcessed() throws Throwable {
        // keep-processed is 30 days by default, the redelivery horizon 7.
        UUID[] old = {processed("31 days"), processed("40 days"), processed("400 days")};
        UUID withinHorizon = processed("6 days");
        UUID pastHorizonButKept = processed("20 days");

        EventTablePruning.Pruned pruned = VertxContextSupport.subscribeAndAwait(pruning::prune);

        for (UUID id : old) {
            assertThat(processedRow(id)).isZero();
        }
        assertThat(processedRow(withinHorizon)).isOne();
        assertThat(processedRow(pastHorizonButKept)).isOne();
        assertThat(pruned.processed()).isGreaterThanOrEqualTo(old.length);
    }

    @Test
    void keepingProcessedRecordsNoLongerThanTheRedeliveryHorizonIsRefusedAtStart() {
        assertThatThrownBy(() -> EventTablePruning.check(config(Duration.ofDays(7), Duration.ofDays(7))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("keep-processed");
        assertThatThrownBy(() -> EventTablePruning.check(config(Duration.ofDays(1), Duration.ofDays(7))))
                .isInstanceOf(IllegalStateException.class);
        EventTablePruning.check(config(Duration.ofDays(8), Duration.ofDays(7)));
    }

    private static UUID outbox(String age, boolean sent) {
        UUID id = UUID.randomUUID();
        Sql.execute("insert into support.outbox_event (id, topic, event_key, payload, created_at, relay_after, sent_at)"
                + " values (?, 'support.test.outbox', 'k', '{}', now() - cast(? as interval),"
                + " now() - cast(? as interval), case when ? then now() - cast(? as interval) end)",
                id, age, age, sent, age);
        return id;
    }

    private static UUID processed(String age) {
        UUID id = UUID.randomUUID();
        Sql.execute("insert into support.processed_event (consumer, event_id, processed_at)"
                + " values ('pruning-test', ?, now() - cast(? as interval))", id, age);
        return id;
    }

    private static long outboxRow(UUID id) {
        return Sql.count("select count(*) from support.outbox_event where id = ?", id);
    }

    private static long processedRow(UUID id) {
        return Sql.count("select count(*) from support.processed_event where event_id = ?", id);
    }

    private static EventTablesConfig config(Duration keepProcessed, Duration horizon) {
        return new EventTablesConfig() {
            @Override
            public String pruneEvery() {
                return "10m";
            }

            @Override
            public Duration keepSent() {
                return Duration.ofHours(1);
            }

            @Override
            public Duration keepProcessed() {
                return keepProcessed;
            }

            @Override
            public Duration redeliveryHorizon() {
                return horizon;
            }

            @Override
            public int pruneBatchSize() {
                return 2;
            }
        };
    }
}
