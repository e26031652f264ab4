package id.aduan.support.messaging;

import java.time.Duration;

/**
 * Kafka did not acknowledge events in time, or refused them. The outcome is unknown, not "failed": a broker that
 * died after writing them, or a producer that retries on its own, may still deliver them. Only a send of the same
 * event ids again (which consumers drop as copies) makes it certain.
 */
public class UnacknowledgedException extends RuntimeException {

    public UnacknowledgedException(int events, Duration timeout, Throwable cause) {
        super((cause == null ? "Kafka did not acknowledge " + events + " event(s) within " + timeout
                : "Kafka did not acknowledge " + events + " event(s): " + cause), cause, false, false);
    }
}
