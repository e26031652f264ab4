package id.aduan.intake.domain;

import id.aduan.events.Region;

/**
 * A kabupaten/kota found for a complaint, and how.
 *
 * @param confidence 1 for a code or an exact name; less for a typo, a place inside the region, or a text that
 *                   names more than one region
 * @param source     code, name, alias, typo, kecamatan, desa or point
 * @param place      the kecamatan or desa named, if that is how it was found
 * @param placeCode  its Kemendagri code (desa: 13 characters with dots), for duplicate detection
 */
public record RegionMatch(Region region, double confidence, String source, String place, String placeCode) {

    public static RegionMatch exact(Region region, String source) {
        return new RegionMatch(region, 1.0, source, null, null);
    }

    RegionMatch withConfidence(double newConfidence) {
        return new RegionMatch(region, Math.round(newConfidence * 100) / 100.0, source, place, placeCode);
    }
}
