package id.aduan.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The body of an {@link EventEnvelope}. Each implementation is one event type; its name is written as the
 * envelope's {@code type} and its {@link #schemaVersion()} as the envelope's {@code schemaVersion}.
 */
public sealed interface EventPayload
        permits ComplaintSubmitted, ComplaintRouted, ComplaintStatusChanged, SlaBreached {

    /** The type name written into the envelope. */
    @JsonIgnore
    String eventType();

    /** Version of this payload's schema. Raise it on an incompatible change; readers ignore unknown fields. */
    @JsonIgnore
    int schemaVersion();
}
