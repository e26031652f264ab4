package id.aduan.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The one envelope around every Aduan event. It is keyed on Kafka by {@link #complaintId()}, so one complaint's
 * events stay in order on one partition.
 *
 * @param eventId       unique id of this event; consumers deduplicate on it
 * @param type          the payload's type name, for example {@code ComplaintRouted}
 * @param schemaVersion the payload's schema version
 * @param occurredAt    when it happened, with its zone offset (Asia/Jakarta, +07:00, for Bengkulu)
 * @param complaintId   the complaint it is about (also the Kafka record key)
 * @param correlationId the id shared by every event of one complaint's journey, for tracing
 * @param causationId   the event that caused this one, if any
 * @param payload       the typed body; {@code null} when the type is unknown to this reader
 */
@JsonPropertyOrder({"eventId", "type", "schemaVersion", "occurredAt", "complaintId", "correlationId", "causationId",
    "payload"})
public record EventEnvelope(
        UUID eventId,
        String type,
        int schemaVersion,
        OffsetDateTime occurredAt,
        UUID complaintId,
        UUID correlationId,
        UUID causationId,
        EventPayload payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(complaintId, "complaintId");
        Objects.requireNonNull(correlationId, "correlationId");
    }

    @JsonCreator
    static EventEnvelope fromJson(
            @JsonProperty("eventId") UUID eventId,
            @JsonProperty("type") String type,
            @JsonProperty("schemaVersion") int schemaVersion,
            @JsonProperty("occurredAt") OffsetDateTime occurredAt,
            @JsonProperty("complaintId") UUID complaintId,
            @JsonProperty("correlationId") UUID correlationId,
            @JsonProperty("causationId") UUID causationId,
            @JsonProperty("payload")
            @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXTERNAL_PROPERTY, property = "type",
                    visible = true)
            @JsonSubTypes({
                @JsonSubTypes.Type(value = ComplaintSubmitted.class, name = ComplaintSubmitted.TYPE),
                @JsonSubTypes.Type(value = ComplaintRouted.class, name = ComplaintRouted.TYPE),
                @JsonSubTypes.Type(value = ComplaintStatusChanged.class, name = ComplaintStatusChanged.TYPE),
                @JsonSubTypes.Type(value = CitizenResponded.class, name = CitizenResponded.TYPE),
                @JsonSubTypes.Type(value = SlaClockChanged.class, name = SlaClockChanged.TYPE),
                @JsonSubTypes.Type(value = SlaBreached.class, name = SlaBreached.TYPE),
                @JsonSubTypes.Type(value = OpdMerged.class, name = OpdMerged.TYPE),
                @JsonSubTypes.Type(value = SlaWarning.class, name = SlaWarning.TYPE),
                @JsonSubTypes.Type(value = SlaEscalated.class, name = SlaEscalated.TYPE),
                @JsonSubTypes.Type(value = DailyRanking.class, name = DailyRanking.TYPE)
            })
            EventPayload payload) {
        return new EventEnvelope(eventId, type, schemaVersion, occurredAt, complaintId, correlationId, causationId,
                payload);
    }

    /** The first event of a complaint's journey: it starts the correlation. */
    public static EventEnvelope first(UUID complaintId, EventPayload payload, Clock clock) {
        return first(complaintId, payload, now(clock));
    }

    /**
     * The first event of a complaint's journey, at a time the caller already read (and used in the payload). Its id
     * derives from the complaint's and the event's type ({@link #firstEventId}), so that publishing it again is a
     * copy consumers drop.
     */
    public static EventEnvelope first(UUID complaintId, EventPayload payload, OffsetDateTime occurredAt) {
        return new EventEnvelope(firstEventId(complaintId, payload.eventType()), payload.eventType(),
                payload.schemaVersion(), occurredAt, complaintId, complaintId, null, payload);
    }

    /** The id of a complaint's first event of this type (ComplaintSubmitted: the one every copy carries). */
    public static UUID firstEventId(UUID complaintId, String type) {
        return EventIds.derived(complaintId, "first/" + type);
    }

    /**
     * An event caused by {@code cause}, with an id derived from the cause, so that re-processing a redelivered
     * cause yields the very same event and consumers drop the copy.
     */
    public EventEnvelope next(String step, EventPayload next, Clock clock) {
        return new EventEnvelope(EventIds.derived(eventId, step), next.eventType(), next.schemaVersion(), now(clock),
                complaintId, correlationId, eventId, next);
    }

    /** An event of this complaint with a caller-chosen id (for example one derived from a database row). */
    public static EventEnvelope of(UUID eventId, UUID complaintId, UUID correlationId, UUID causationId,
            EventPayload payload, Clock clock) {
        return new EventEnvelope(eventId, payload.eventType(), payload.schemaVersion(), now(clock), complaintId,
                correlationId, causationId, payload);
    }

    /** The payload if it is of the given type. */
    public <P extends EventPayload> Optional<P> payload(Class<P> kind) {
        return kind.isInstance(payload) ? Optional.of(kind.cast(payload)) : Optional.empty();
    }

    /** The Kafka record key of this event. */
    @JsonIgnore
    public String key() {
        return complaintId.toString();
    }

    /** The current time in WIB, as events carry it. */
    public static OffsetDateTime now(Clock clock) {
        return Wib.now(clock);
    }
}
