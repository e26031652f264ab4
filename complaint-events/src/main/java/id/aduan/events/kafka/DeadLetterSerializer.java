package id.aduan.events.kafka;

import id.aduan.events.EventEnvelope;
import id.aduan.events.EventJson;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes whatever a consumer gives up on to its dead-letter topic: an event it could not process (as JSON), or the
 * raw bytes of a record it could not even read.
 */
public class DeadLetterSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object value) {
        if (value == null || value instanceof byte[]) {
            return (byte[]) value;
        }
        if (value instanceof EventEnvelope event) {
            return EventJson.write(event);
        }
        return value.toString().getBytes(StandardCharsets.UTF_8);
    }
}
