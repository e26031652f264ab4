package id.aduan.events.kafka;

import id.aduan.events.EventEnvelope;
import id.aduan.events.EventJson;
import org.apache.kafka.common.serialization.Serializer;

/** The Kafka value serializer every Aduan producer uses. */
public class EventSerializer implements Serializer<EventEnvelope> {

    @Override
    public byte[] serialize(String topic, EventEnvelope event) {
        return event == null ? null : EventJson.write(event);
    }
}
