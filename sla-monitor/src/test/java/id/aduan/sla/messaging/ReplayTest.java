package id.aduan.sla.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.aduan.events.Category;
import id.aduan.events.ComplaintAction;
import id.aduan.events.ComplaintRouted;
import id.aduan.events.ComplaintSnapshot;
import id.aduan.events.ComplaintStatus;
import id.aduan.events.ComplaintStatusChanged;
import id.aduan.events.EventEnvelope;
import id.aduan.events.EventJson;
import id.aduan.events.RoutingDecision;
import id.aduan.events.Topics;
import id.aduan.sla.domain.SlaProjection;
import id.aduan.support.time.ControllableClock;
import id.aduan.testing.KafkaTopics;
import id.aduan.testing.PostgresServer;
import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.Sql;
import id.aduan.testing.TestOidc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The clocks are a projection of the events: rebuilt from the real topics from the start, into an emptied state, they
 * come out identical to what the live consumer built, whichever topic is read first.
 */
@QuarkusTest
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
@WithTestResource(TestOidc.class)
class ReplayTest {

    private static final ZoneOffset WIB = ZoneOffset.ofHours(7);
    private static final OffsetDateTime START = OffsetDateTime.parse("2026-10-05T08:00:00+07:00");
    private static final int COMPLAINTS = 36;

    @Inject
    SlaProjection projection;

    @Inject
    Clock clock;

    @AfterEach
    void realTime() {
        ((ControllableClock) clock).reset();
    }

    @Test
    void rebuildingFromTheTopicsGivesTheSameClocksAndMarks() throws Throwable {
        // Before every event: no sweep announces anything while the state is compared.
        ((ControllableClock) clock).set(OffsetDateTime.parse("2026-09-01T00:00:00+07:00").toInstant());
        String opd = "RPL-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        List<UUID> complaints = new ArrayList<>();
        Set<UUID> eventIds = new java.util.HashSet<>();
        for (int i = 0; i < COMPLAINTS; i++) {
            UUID id = UUID.randomUUID();
            complaints.add(id);
            history(id, i, opd).forEach(sent -> {
                KafkaTopics.send(sent.topic(), sent.event());
                eventIds.add(sent.event().eventId());
            });
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> Sql.count("select count(*) from sla.processed_event"
                + " where consumer = 'sla-clocks' and event_id = any(?)", uuidArray(eventIds)) == eventIds.size());
        Map<String, List<Map<String, Object>>> live = state(complaints);
        assertThat(live.get("clocks")).hasSize(COMPLAINTS);
        assertThat(live.get("marks")).isNotEmpty();
        assertThat(live.get("early")).isEmpty();
        assertThat(live.get("pauses")).isNotEmpty();

        for (List<String> order : List.of(List.of(Topics.COMPLAINTS_ROUTED, Topics.COMPLAINTS_STATUS),
                List.of(Topics.COMPLAINTS_STATUS, Topics.COMPLAINTS_ROUTED))) {
            forget(complaints, eventIds);
            assertThat(state(complaints).get("clocks")).isEmpty();
            Set<String> keys = complaints.stream().map(UUID::toString).collect(Collectors.toSet());
            for (String topic : order) {
                for (ConsumerRecord<String, byte[]> record : KafkaTopics.current(topic, r -> keys.contains(r.key()))) {
                    EventEnvelope event = EventJson.read(record.value());
                    VertxContextSupport.subscribeAndAwait(() -> projection.apply(event));
                }
            }
            assertThat(state(complaints)).as("rebuilt reading %s first", order.get(0)).isEqualTo(live);
        }
    }

    private record Sent(String topic, EventEnvelope event) {
    }

    /** One complaint's events, by its pattern: every path the clocks know, some sent twice or early. */
    private static List<Sent> history(UUID id, int i, String opd) {
        OffsetDateTime t = START.plusMinutes(37L * i);
        String tn = "ADU-RPL" + (i % 10) + "-RPLY-RPLY-RPLY";
        ComplaintSnapshot complaint = new ComplaintSnapshot(tn, i % 2 == 0 ? Category.HEALTH : Category.ROAD,
                i % 3 == 0 ? "1771" : "1705", "Keluhan " + i, null, null, "api", t.minusMinutes(1));
        EventEnvelope routed = EventEnvelope.of(UUID.randomUUID(), id, id, null, new ComplaintRouted(complaint,
                new RoutingDecision(opd + "-" + (i % 3), "Dinas " + (i % 3), "r", "1", "uji", 1, null)), at(t));
        List<Sent> sent = new ArrayList<>();
        switch (i % 6) {
            case 0 -> sent.add(new Sent(Topics.COMPLAINTS_ROUTED, routed));
            case 1 -> {
                sent.add(new Sent(Topics.COMPLAINTS_ROUTED, routed));
                sent.add(new Sent(Topics.COMPLAINTS_ROUTED, routed)); // a redelivery
                sent.add(status(routed, "ack", opd, ComplaintAction.ACKNOWLEDGE, ComplaintStatus.ACKNOWLEDGED, null,
                        t.plusHours(2)));
                sent.add(status(routed, "resolve", opd, ComplaintAction.RESOLVE, ComplaintStatus.RESOLVED, null,
                        t.plusDays(1)));
                sent.add(status(routed, "confirm", opd, ComplaintAction.CITIZEN_CONFIRM, ComplaintStatus.CLOSED, 4,
                        t.plusDays(2)));
            }
            case 2 -> {
                sent.add(new Sent(Topics.COMPLAINTS_ROUTED, routed));
                sent.add(status(routed, "ask", opd, ComplaintAction.REQUEST_INFO, ComplaintStatus.WAITING_FOR_CITIZEN,
                        null, t.plusHours(3)));
                sent.add(status(routed, "reply", opd, ComplaintAction.CITIZEN_REPLY, ComplaintStatus.ACKNOWLEDGED,
                        null, t.plusDays(2)));
                sent.add(status(routed, "respond", opd, ComplaintAction.RESPOND, ComplaintStatus.RESPONDED, null,
                        t.plusDays(3)));
            }
            case 3 -> {
                sent.add(new Sent(Topics.COMPLAINTS_ROUTED, routed));
                sent.add(new Sent(Topics.COMPLAINTS_ROUTED, routed.next("rerouted", new ComplaintRouted(complaint,
                        new RoutingDecision(opd + "-X", "Dinas X", "r", "1", "re-route", 2, opd + "-" + (i % 3))),
                        at(t.plusHours(1)))));
                sent.add(status(routed, "ack", opd + "-X", ComplaintAction.ACKNOWLEDGE, ComplaintStatus.ACKNOWLEDGED,
                        null, t.plusHours(5)));
            }
            case 4 -> {
                sent.add(new Sent(Topics.COMPLAINTS_ROUTED, routed));
                sent.add(status(routed, "resolve", opd, ComplaintAction.RESOLVE, ComplaintStatus.RESOLVED, null,
                        t.plusHours(4)));
                sent.add(status(routed, "reopen", opd, ComplaintAction.CITIZEN_REOPEN, ComplaintStatus.REOPENED, null,
                        t.plusDays(1)));
                sent.add(status(routed, "resolve-2", opd, ComplaintAction.RESOLVE, ComplaintStatus.RESOLVED, null,
                        t.plusDays(3)));
            }
            default -> {
                // The inbox's news read before the routing that starts the clock.
                sent.add(status(routed, "ack", opd, ComplaintAction.ACKNOWLEDGE, ComplaintStatus.ACKNOWLEDGED, null,
                        t.plusHours(1)));
                sent.add(new Sent(Topics.COMPLAINTS_STATUS, routed.next("transfer", ComplaintStatusChanged.transfer(
                        tn, opd + "-GAB", "Dinas Gabungan", null, ComplaintStatus.ACKNOWLEDGED, "system", "digabung"),
                        at(t.plusDays(1)))));
                sent.add(new Sent(Topics.COMPLAINTS_ROUTED, routed));
            }
        }
        return sent;
    }

    private static Sent status(EventEnvelope routed, String step, String opd, ComplaintAction action,
            ComplaintStatus status, Integer rating, OffsetDateTime when) {
        return new Sent(Topics.COMPLAINTS_STATUS, routed.next(step, new ComplaintStatusChanged(null, opd, null, status,
                action, "staff", null, null, null, null, rating), at(when)));
    }

    private static Clock at(OffsetDateTime when) {
        return Clock.fixed(when.toInstant(), WIB);
    }

    /** Empties what the projection keeps of these complaints, as a fresh database would be. */
    private static void forget(List<UUID> complaints, Set<UUID> eventIds) {
        Object ids = uuidArray(complaints);
        Sql.execute("delete from sla.sla_clock where complaint_id = any(?)", ids);
        Sql.execute("delete from sla.sla_mark where complaint_id = any(?)", ids);
        Sql.execute("delete from sla.early_status_change where complaint_id = any(?)", ids);
        Sql.execute("delete from sla.sla_pause where complaint_id = any(?)", ids);
        Sql.execute("delete from sla.processed_event where consumer = 'sla-clocks' and event_id = any(?)",
                uuidArray(eventIds));
        Sql.execute("delete from sla.outbox_event where event_key = any(?)",
                (Object) complaints.stream().map(UUID::toString).toArray(String[]::new));
    }

    /**
     * The projection's state of these complaints: every column of their clocks (but the breach mark a sweep sets),
     * their planned thresholds, the spans they stood still, and any news kept for a clock not started.
     */
    private static Map<String, List<Map<String, Object>>> state(List<UUID> complaints) throws Exception {
        Object ids = uuidArray(complaints);
        Map<String, List<Map<String, Object>>> state = new LinkedHashMap<>();
        state.put("clocks", rows("select * from sla.sla_clock where complaint_id = any(?) order by complaint_id", ids,
                Set.of("breached_at")));
        state.put("marks", rows("select * from sla.sla_mark where complaint_id = any(?)"
                + " order by complaint_id, clock, mark", ids, Set.of()));
        state.put("pauses", rows("select * from sla.sla_pause where complaint_id = any(?)"
                + " order by complaint_id, paused_from", ids, Set.of()));
        state.put("early", rows("select * from sla.early_status_change where complaint_id = any(?)", ids, Set.of()));
        return state;
    }

    private static List<Map<String, Object>> rows(String sql, Object ids, Set<String> skipped) throws Exception {
        try (Connection connection = DriverManager.getConnection(PostgresServer.jdbcUrl(), PostgresServer.USER, "");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, ids);
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        if (!skipped.contains(meta.getColumnName(c))) {
                            row.put(meta.getColumnName(c), String.valueOf(result.getObject(c)));
                        }
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    private static Object uuidArray(java.util.Collection<UUID> ids) {
        return ids.toArray(UUID[]::new);
    }
}
