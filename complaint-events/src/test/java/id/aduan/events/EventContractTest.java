package id.aduan.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import id.aduan.events.kafka.EventDeserializer;
import id.aduan.events.kafka.EventSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventContractTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T02:15:30Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @ValueSource(strings = {"ComplaintSubmitted", "ComplaintRouted", "ComplaintStatusChanged", "CitizenResponded",
        "SlaClockChanged", "SlaBreached", "OpdMerged", "SlaWarning", "SlaEscalated", "DailyRanking"})
    void goldenSampleRoundTripsUnchanged(String type) throws IOException {
        byte[] golden = golden(type + ".v1.json");

        EventEnvelope event = new EventDeserializer().deserialize(Topics.COMPLAINTS_ROUTED, golden);
        byte[] written = new EventSerializer().serialize(Topics.COMPLAINTS_ROUTED, event);

        assertThat(event.type()).isEqualTo(type);
        assertThat(event.payload()).isNotNull();
        assertThat(event.payload().eventType()).isEqualTo(type);
        assertThat(event.schemaVersion()).isEqualTo(1);
        assertThat(tree(written)).isEqualTo(tree(golden));
        assertThat(EventJson.read(written)).isEqualTo(event);
    }

    @Test
    void everyPayloadTypeHasAGoldenSample() {
        assertThat(Arrays.stream(EventPayload.class.getPermittedSubclasses()).map(Class::getSimpleName))
                .allSatisfy(name -> assertThat(EventContractTest.class.getResource("/golden/" + name + ".v1.json"))
                        .as("golden sample of %s", name).isNotNull());
    }

    @Test
    void readerToleratesUnknownFieldsAndEnumValues() throws IOException {
        EventEnvelope event = EventJson.read(golden("tolerant/ComplaintRouted.v1-plus-unknown-fields.json"));

        ComplaintRouted routed = event.payload(ComplaintRouted.class).orElseThrow();
        assertThat(routed.routing().opdCode()).isEqualTo("BPBD-PROV");
        assertThat(routed.routing().hop()).isEqualTo(1);
        assertThat(routed.complaint().category()).isEqualTo(Category.UNKNOWN);
        assertThat(routed.complaint().description()).isEqualTo("Banjir di Jl. Salak");
        assertThat(event.occurredAt().getOffset()).isEqualTo(ZoneOffset.ofHours(7));
    }

    @Test
    void aComplaintWrittenBeforeNormalizationReadsWithoutIt() throws IOException {
        ComplaintSnapshot complaint = EventJson.read(golden("tolerant/ComplaintSubmitted.v1-before-normalization.json"))
                .payload(ComplaintSubmitted.class).orElseThrow().complaint();

        assertThat(complaint.normalization()).isNull();
        assertThat(complaint.possibleDuplicateOf()).isNull();
        assertThat(complaint.needsTriage()).isFalse();
        assertThat(complaint.regionCode()).isEqualTo("1708");
    }

    @Test
    void readerKeepsTheEnvelopeOfAnUnknownEventType() throws IOException {
        EventEnvelope event = EventJson.read(golden("tolerant/FutureEvent.v3.json"));

        assertThat(event.type()).isEqualTo("ComplaintMerged");
        assertThat(event.schemaVersion()).isEqualTo(3);
        assertThat(event.payload()).isNull();
        assertThat(event.complaintId()).isEqualTo(UUID.fromString("0f9c2d1e-7b6a-4c55-8e21-5a4b3c2d1e0f"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "{\"type\":\"ComplaintRouted\"}", "[1,2]",
        "{\"eventId\":\"nope\",\"type\":\"SlaBreached\"}"})
    void malformedRecordsAreRejectedWithAReason(String value) {
        assertThatThrownBy(() -> new EventDeserializer().deserialize("t", value.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class)
                .satisfies(e -> assertThat(e.getMessage()).isNotBlank().doesNotEndWith(": null"));
    }

    @Test
    void nextEventIdIsDerivedFromItsCause() {
        EventEnvelope submitted = EventEnvelope.first(UUID.randomUUID(), new ComplaintSubmitted(snapshot()), CLOCK);
        ComplaintRouted routed = new ComplaintRouted(snapshot(),
                new RoutingDecision("DPUPR-PROV", "Dinas PUPR", "road-province", "1", "why", 1, null));

        EventEnvelope a = submitted.next("routed", routed, CLOCK);
        EventEnvelope b = submitted.next("routed", routed, CLOCK);

        assertThat(a.eventId()).isEqualTo(b.eventId()).isNotEqualTo(submitted.eventId());
        assertThat(submitted.next("rerouted-2", routed, CLOCK).eventId()).isNotEqualTo(a.eventId());
        assertThat(a.correlationId()).isEqualTo(submitted.correlationId()).isEqualTo(submitted.complaintId());
        assertThat(a.causationId()).isEqualTo(submitted.eventId());
        assertThat(a.key()).isEqualTo(submitted.complaintId().toString());
        assertThat(a.occurredAt()).isEqualTo(OffsetDateTime.parse("2026-11-26T09:15:30+07:00"));
        assertThat(a.type()).isEqualTo("ComplaintRouted");
    }

    @Test
    void categoryCodesAreCaseInsensitiveAndNeverUnknown() {
        assertThat(Category.ofCode(" Road ")).contains(Category.ROAD);
        assertThat(Category.ofCode("unknown")).isEmpty();
        assertThat(Category.ofCode(null)).isEmpty();
    }

    private static ComplaintSnapshot snapshot() {
        return new ComplaintSnapshot("ADU-AAAA-BBBB-CCCC-DDDD", Category.ROAD, "1771", "Jalan berlubang", null, null,
                "api", OffsetDateTime.parse("2026-11-26T09:15:30+07:00"));
    }

    private static JsonNode tree(byte[] json) throws IOException {
        return EventJson.mapper().readTree(json);
    }

    private static byte[] golden(String name) throws IOException {
        try (InputStream in = EventContractTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
