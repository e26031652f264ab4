package id.aduan.support.messaging;

/**
 * An event that can never be processed, however often it is retried (for example a routed event without an OPD).
 * The consumer nacks it and its channel moves it to the dead-letter topic, with this message as the reason.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String reason) {
        super(reason);
    }
}
