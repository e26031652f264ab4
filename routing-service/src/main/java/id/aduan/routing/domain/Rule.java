package id.aduan.routing.domain;

import java.util.List;

/**
 * One routing rule.
 *
 * @param region   a Kemendagri region code, or {@value #ANY_REGION} for every region
 * @param opd      the OPD's code; {@value #REGION_PLACEHOLDER} in it stands for the complaint's region code, so that
 *                 one rule names each kabupaten/kota's own office ({@code DISDIK-{region}})
 * @param keywords words or phrases of which one must appear in the complaint (its description or address), such
 *                 as the school level ("sd", "sma") or the road class ("jalan nasional"); none: any complaint
 * @param priority the higher wins; then a rule for one region over one for all, then a rule with keywords
 */
public record Rule(String id, String category, String region, String opd, List<String> keywords, Integer priority,
        String explanation) {

    public static final String ANY_REGION = "*";
    public static final String REGION_PLACEHOLDER = "{region}";

    public Rule(String id, String category, String region, String opd, String explanation) {
        this(id, category, region, opd, List.of(), 0, explanation);
    }

    public Rule {
        keywords = keywords == null ? List.of() : keywords.stream().map(Words::phrase).toList();
        priority = priority == null ? 0 : priority;
    }

    boolean matches(String categoryCode, String regionCode) {
        return category.equals(categoryCode) && (ANY_REGION.equals(region) || region.equals(regionCode));
    }

    boolean matches(String categoryCode, String regionCode, Words text) {
        return matches(categoryCode, regionCode) && (keywords.isEmpty() || keywords.stream().anyMatch(text::has));
    }

    /** The keyword that made it match, for the explanation; {@code null} for a rule without keywords. */
    String matchedKeyword(Words text) {
        return keywords.stream().filter(text::has).findFirst().orElse(null);
    }

    /** The OPD code for a complaint in this region. */
    String opdFor(String regionCode) {
        return opd.replace(REGION_PLACEHOLDER, regionCode == null ? "" : regionCode);
    }

    /** A rule for one region beats a rule for every region. */
    int specificity() {
        return (ANY_REGION.equals(region) ? 0 : 2) + (keywords.isEmpty() ? 0 : 1);
    }
}
