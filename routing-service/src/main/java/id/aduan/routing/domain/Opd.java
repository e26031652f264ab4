package id.aduan.routing.domain;

/**
 * An OPD, or an outside body, that can be assigned complaints.
 *
 * @param level   {@code province} (the province's own OPD), {@code regency} (a kabupaten/kota's office) or
 *                {@code outside} (a national or other body such as BPJN); regency offices and outside bodies are
 *                outside the province's government, reached through their {@code liaison}
 * @param region  the kabupaten/kota of a regency office
 * @param liaison the province's OPD that forwards to and follows up with a body outside the province's government
 */
public record Opd(String code, String name, String level, String region, String liaison) {

    public static final String PROVINCE = "province";

    /** A provincial OPD. */
    public Opd(String code, String name) {
        this(code, name, PROVINCE, null, null);
    }

    public Opd {
        level = level == null ? PROVINCE : level;
    }

    /** Outside the province's government: complaints reach it through the liaison. */
    public boolean isOutside() {
        return !PROVINCE.equals(level);
    }
}
