package id.aduan.events;

/** The bytes on a topic are not an event of this contract. Consumers send such records to their dead-letter topic. */
public class MalformedEventException extends org.apache.kafka.common.errors.SerializationException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
