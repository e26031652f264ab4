package id.aduan.events;

import java.util.List;

/**
 * How complaint-intake read a complaint. Routing sends a complaint marked {@code triage} to the triage OPD rather
 * than guess.
 *
 * @param categoryConfidence 0..1; 1 when the citizen chose the category
 * @param categorySource     {@code citizen} (chosen) or {@code text} (read from the description)
 * @param regionConfidence   0..1; 1 for a code, an exact name or a point on the map
 * @param regionSource       code, name, alias, typo, kecamatan, desa, point or text
 * @param place              the kecamatan or desa named, if any
 * @param triage             a person must decide where it goes
 * @param triageReasons      why, as codes: {@code category-unclear}, {@code region-unclear}
 */
public record Normalization(
        double categoryConfidence,
        String categorySource,
        double regionConfidence,
        String regionSource,
        String place,
        boolean triage,
        List<String> triageReasons) {

    public Normalization {
        triageReasons = triageReasons == null ? List.of() : List.copyOf(triageReasons);
    }
}
