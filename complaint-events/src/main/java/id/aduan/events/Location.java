package id.aduan.events;

/** A point in WGS 84 degrees. */
public record Location(double latitude, double longitude) {

    public Location {
        if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180
                || Double.isNaN(latitude) || Double.isNaN(longitude)) {
            throw new IllegalArgumentException("Location out of range: " + latitude + "," + longitude);
        }
    }
}
