package id.aduan.intake.chat;

import id.aduan.support.messaging.UnacknowledgedException;
import java.util.ArrayList;
import java.util.List;

/**
 * A failure as chat code logs it: the exception types only. Messages are left out because they may carry personal
 * data (PostgreSQL's "Failing row contains (...)" would show a phone number) or secrets (a URL with a bot token).
 */
public final class Failures {

    private Failures() {
    }

    public static String describe(Throwable failure) {
        if (failure instanceof UnacknowledgedException) {
            return "Kafka did not acknowledge the event";
        }
        List<String> chain = new ArrayList<>();
        for (Throwable e = failure; e != null && chain.size() < 5; e = e.getCause() == e ? null : e.getCause()) {
            chain.add(e.getClass().getName());
        }
        return String.join(" <- ", chain);
    }
}
