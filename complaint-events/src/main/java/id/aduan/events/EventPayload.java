package id.aduan.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The body of an {@link EventEnvelope}. Each implementation is one event type; its name is written as the
 * envelope's {@code type} and its {@link #schemaVersion()} as the envelope's {@code schemaVersion}.
 */
public sealed interface EventPayload
        permits ComplaintSubmitted, ComplaintRouted, ComplaintStatusChanged, CitizenResponded, SlaClockChanged,
        SlaBreached, OpdMerged, SlaWarning, SlaEscalated, DailyRanking {

    /** The type name written into the envelope: the record's simple name (each declares it as {@code TYPE}). */
    @JsonIgnore
    default String eventType() {
        return getClass().getSimpleName();
    }

    /**
     * Version of this payload's schema: 1 unless a payload overrides it. Raise it on an incompatible change; readers
     * ignore unknown fields, so adding an optional field needs no new version.
     */
    @JsonIgnore
    default int schemaVersion() {
        return 1;
    }
}
