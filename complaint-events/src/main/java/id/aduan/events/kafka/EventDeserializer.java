package id.aduan.events.kafka;

import id.aduan.events.EventEnvelope;
import id.aduan.events.EventJson;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The Kafka value deserializer every Aduan consumer uses. Malformed records raise
 * {@link id.aduan.events.MalformedEventException}; the consumer's channel sends them to its dead-letter topic.
 */
public class EventDeserializer implements Deserializer<EventEnvelope> {

    @Override
    public EventEnvelope deserialize(String topic, byte[] data) {
        return EventJson.read(data);
    }
}
