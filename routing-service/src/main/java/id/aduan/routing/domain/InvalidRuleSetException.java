package id.aduan.routing.domain;

import java.util.List;

/** A rule set that cannot be used; every reason is listed, so it can be fixed in one go. */
public class InvalidRuleSetException extends RuntimeException {

    private final List<String> reasons;

    public InvalidRuleSetException(String source, List<String> reasons) {
        super("Rule set " + source + " refused: " + String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
