package id.aduan.routing.domain;

import id.aduan.events.Location;
import java.util.List;

/**
 * One routing rule.
 *
 * @param region   a Kemendagri region code, or {@value #ANY_REGION} for every region
 * @param opd      the OPD's code; {@value #REGION_PLACEHOLDER} in it stands for the complaint's region code, so that
 *                 one rule names each kabupaten/kota's own office ({@code DISDIK-{region}})
 * @param keywords words or phrases of which one must appear in the complaint (its description or address), such
 *                 as the school level ("sd", "sma") or the road class ("jalan nasional"); none: any complaint
 * @param priority the higher wins; then a rule for a place, then one for one region over one for all, then a rule
 *                 with keywords
 * @param near     if given, only complaints with a point inside this circle
 */
public record Rule(String id, String category, String region, String opd, List<String> keywords, Integer priority,
        String explanation, Area near) {

    /**
     * A circle on the map: the rule matches only a complaint with a point inside it (a hospital's grounds, a port, a
     * stretch of national road).
     */
    public record Area(double latitude, double longitude, double radiusMeters) {

        private static final double EARTH_RADIUS_M = 6_371_008.8;

        boolean contains(Location point) {
            if (point == null) {
                return false;
            }
            double dLat = Math.toRadians(point.latitude() - latitude);
            double dLon = Math.toRadians(point.longitude() - longitude);
            double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(latitude))
                    * Math.cos(Math.toRadians(point.latitude())) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
            return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a))) <= radiusMeters;
        }
    }

    public Rule(String id, String category, String region, String opd, List<String> keywords, Integer priority,
            String explanation) {
        this(id, category, region, opd, keywords, priority, explanation, null);
    }

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
        return matches(categoryCode, regionCode) && (keywords.isEmpty() || anyKeyword(text))
                && (near == null || near.contains(text.location()));
    }

    private boolean anyKeyword(Words text) {
        for (String keyword : keywords) {
            // The keywords are few and already normalized; a loop, not a stream, on the hot path.
            if (text.has(keyword)) {
                return true;
            }
        }
        return false;
    }

    /** The keyword that made it match, for the explanation; {@code null} for a rule without keywords. */
    String matchedKeyword(Words text) {
        return keywords.stream().filter(text::has).findFirst().orElse(null);
    }

    /** The OPD code for a complaint in this region. */
    String opdFor(String regionCode) {
        return opd.replace(REGION_PLACEHOLDER, regionCode == null ? "" : regionCode);
    }

    /** A rule for a place beats one for a region, which beats one for every region; keywords add to each. */
    int specificity() {
        return (near == null ? 0 : 4) + (ANY_REGION.equals(region) ? 0 : 2) + (keywords.isEmpty() ? 0 : 1);
    }
}
