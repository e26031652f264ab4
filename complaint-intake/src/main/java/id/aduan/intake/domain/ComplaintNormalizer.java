package id.aduan.intake.domain;

import id.aduan.events.Category;
import id.aduan.events.Location;
import id.aduan.events.Normalization;
import id.aduan.intake.config.IntakeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One reading of a complaint for every door (form, API, Open311, chat): the category from the citizen's choice or
 * from their words, the region from a field, the map point or the words, each with a confidence. What it cannot
 * read with confidence is marked for triage; a person decides, the system does not guess.
 */
@ApplicationScoped
public class ComplaintNormalizer {

    /** Longest description kept; the rest is cut at a word boundary. */
    public static final int MAX_DESCRIPTION = 4000;

    private final CategoryClassifier classifier = new CategoryClassifier();

    @Inject
    RegionDirectory regions;

    @Inject
    IntakeConfig config;

    /**
     * @param categoryCode a category the citizen chose, or {@code null} to read it from the description
     * @param regionField  a region the citizen typed or chose, or {@code null}
     */
    public record Input(String categoryCode, String description, String regionField, String address,
                        Location location) {
    }

    /** The reading. {@code region} is empty when nothing named a region at all. */
    public record Reading(Category category, Optional<RegionMatch> region, String description, String address,
                          Normalization normalization, CategoryGuess guess) {
    }

    public Reading read(Input input) {
        String description = clean(input.description(), MAX_DESCRIPTION);
        String address = clean(input.address(), 300);
        List<String> reasons = new ArrayList<>();

        Category category;
        double categoryConfidence;
        String categorySource;
        CategoryGuess guess = classifier.classify(description);
        Optional<Category> chosen = Category.ofCode(input.categoryCode());
        if (chosen.isPresent()) {
            category = chosen.get();
            categoryConfidence = 1.0;
            categorySource = "citizen";
        } else {
            category = guess.category();
            categoryConfidence = guess.confidence();
            categorySource = "text";
            if (!guess.isConfident(config.normalization().categoryConfidence())) {
                reasons.add("category-unclear");
            }
        }

        Optional<RegionMatch> region = regionOf(input, description, address);
        if (region.isPresent() && region.get().confidence() < config.normalization().regionConfidence()) {
            reasons.add("region-unclear");
        }
        Normalization normalization = new Normalization(categoryConfidence, categorySource,
                region.map(RegionMatch::confidence).orElse(0.0), region.map(RegionMatch::source).orElse(null),
                region.map(RegionMatch::place).orElse(null), !reasons.isEmpty(), reasons);
        return new Reading(category, region, description, address, normalization, guess);
    }

    /** Whether a point lies in the province (or just off its coast). */
    public boolean inProvince(Location point) {
        return regions.at(point.latitude(), point.longitude()).isPresent();
    }

    /** A chosen region field first, then the map point, then the address, then the description's own words. */
    private Optional<RegionMatch> regionOf(Input input, String description, String address) {
        if (input.regionField() != null && !input.regionField().isBlank()) {
            Optional<RegionMatch> field = regions.match(input.regionField());
            if (field.isPresent()) {
                return field;
            }
        }
        if (input.location() != null) {
            Optional<RegionMatch> point = regions.at(input.location().latitude(), input.location().longitude());
            if (point.isPresent()) {
                return point;
            }
        }
        Optional<RegionMatch> fromAddress = address == null ? Optional.empty() : regions.match(address);
        Optional<RegionMatch> fromText = regions.findIn(description);
        if (fromAddress.isPresent() && (fromText.isEmpty()
                || fromAddress.get().confidence() >= fromText.get().confidence())) {
            return fromAddress;
        }
        return fromText.map(m -> "name".equals(m.source()) || "alias".equals(m.source())
                ? new RegionMatch(m.region(), m.confidence(), "text", m.place(), m.placeCode()) : m);
    }

    /** Trimmed, without HTML, at most {@code max} characters (cut at a word boundary). */
    public static String clean(String text, int max) {
        String plain = TextNormalizer.normalize(HtmlText.strip(text));
        if (plain == null || plain.length() <= max) {
            return plain;
        }
        int cut = plain.lastIndexOf(' ', max);
        return plain.substring(0, cut > max / 2 ? cut : max).strip();
    }
}
