package id.aduan.intake.messaging;

/** Kafka did not acknowledge an event in time: nothing may be promised to the citizen. */
public class BrokerUnavailableException extends RuntimeException {

    public BrokerUnavailableException(Throwable cause) {
        super("Kafka did not acknowledge the event: " + cause, cause);
    }
}
