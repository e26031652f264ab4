package id.aduan.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import java.io.IOException;

/**
 * The JSON rules of the contract: ISO-8601 times with their offset, nulls left out, and a tolerant reader that
 * skips fields and event types it does not know (a newer producer may add them).
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new BlackbirdModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_INVALID_SUBTYPE)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private EventJson() {
    }

    public static byte[] write(EventEnvelope event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event cannot be written as JSON: " + event.type(), e);
        }
    }

    /**
     * Reads one event.
     *
     * @throws MalformedEventException when the bytes are not an event of this contract
     */
    public static EventEnvelope read(byte[] json) {
        if (json == null || json.length == 0) {
            throw new MalformedEventException("Empty record value", null);
        }
        try {
            return MAPPER.readValue(json, EventEnvelope.class);
        } catch (IOException | RuntimeException e) {
            throw new MalformedEventException(rootMessage(e), e);
        }
    }

    public static String writeString(EventEnvelope event) {
        return new String(write(event), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage();
        if (message != null && message.length() > 300) {
            message = message.substring(0, 300);
        }
        return t.getClass().getSimpleName() + ": " + message;
    }

    /** Only for tests that compare JSON trees. */
    static ObjectMapper mapper() {
        return MAPPER;
    }

}
