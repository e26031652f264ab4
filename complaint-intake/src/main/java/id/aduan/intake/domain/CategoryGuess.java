package id.aduan.intake.domain;

import id.aduan.events.Category;
import java.util.List;

/**
 * What a text is about, with how sure the classifier is.
 *
 * @param confidence 0 (no idea) to 1 (only one category's words, and plenty of them)
 * @param evidence   the terms that decided it, for staff and for tests
 */
public record CategoryGuess(Category category, double confidence, List<String> evidence) {

    public CategoryGuess {
        evidence = List.copyOf(evidence);
    }

    /** Not sure enough to route on: a person in triage decides. */
    public boolean isConfident(double threshold) {
        return confidence >= threshold;
    }
}
