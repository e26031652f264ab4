package id.aduan.sla.domain;

import java.util.List;

/** A holiday file that cannot be used: it is refused whole, each bad line named. */
public class InvalidCalendarException extends RuntimeException {

    private final List<String> reasons;

    public InvalidCalendarException(String source, List<String> reasons) {
        super("Calendar " + source + " refused: " + String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
