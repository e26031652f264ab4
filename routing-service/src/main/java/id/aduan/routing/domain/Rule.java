package id.aduan.routing.domain;

/**
 * One routing rule.
 *
 * @param region a Kemendagri region code, or {@value #ANY_REGION} for every region
 */
public record Rule(String id, String category, String region, String opd, String explanation) {

    public static final String ANY_REGION = "*";

    boolean matches(String categoryCode, String regionCode) {
        return category.equals(categoryCode) && (ANY_REGION.equals(region) || region.equals(regionCode));
    }

    /** A rule for one region beats a rule for every region. */
    int specificity() {
        return ANY_REGION.equals(region) ? 0 : 1;
    }
}
