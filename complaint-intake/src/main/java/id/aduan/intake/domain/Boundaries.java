package id.aduan.intake.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The kabupaten/kota boundaries, from a GeoJSON file of (Multi)Polygons whose features carry a {@code code}
 * property. A point on the coast just outside a simplified polygon still belongs to the nearest region within
 * {@link #COAST_TOLERANCE_DEGREES}.
 */
final class Boundaries {

    static final String RESOURCE = "/regions/bengkulu-kabkota.geojson";

    /** About 5 km: simplified coastlines cut off beaches and harbours. */
    static final double COAST_TOLERANCE_DEGREES = 0.045;

    private final GeometryFactory geometry = new GeometryFactory();
    private final Map<String, PreparedGeometry> byCode = new LinkedHashMap<>();
    private final Map<String, Geometry> shapes = new LinkedHashMap<>();

    Boundaries() {
        this(RESOURCE);
    }

    Boundaries(String resource) {
        try (InputStream in = Boundaries.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            for (JsonNode feature : new ObjectMapper().readTree(in).path("features")) {
                String code = feature.path("properties").path("code").asText();
                Geometry shape = read(feature.path("geometry"));
                shapes.put(code, shape);
                byCode.put(code, PreparedGeometryFactory.prepare(shape));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /** The code of the region the point lies in, or near the coast of. */
    Optional<String> regionAt(double latitude, double longitude) {
        Point point = geometry.createPoint(new Coordinate(longitude, latitude));
        for (Map.Entry<String, PreparedGeometry> region : byCode.entrySet()) {
            if (region.getValue().covers(point)) {
                return Optional.of(region.getKey());
            }
        }
        String nearest = null;
        double best = COAST_TOLERANCE_DEGREES;
        for (Map.Entry<String, Geometry> region : shapes.entrySet()) {
            double distance = region.getValue().distance(point);
            if (distance <= best) {
                best = distance;
                nearest = region.getKey();
            }
        }
        return Optional.ofNullable(nearest);
    }

    private Geometry read(JsonNode node) {
        String type = node.path("type").asText();
        List<Polygon> polygons = new ArrayList<>();
        if ("Polygon".equals(type)) {
            polygons.add(polygon(node.path("coordinates")));
        } else if ("MultiPolygon".equals(type)) {
            node.path("coordinates").forEach(p -> polygons.add(polygon(p)));
        } else {
            throw new IllegalStateException("Unsupported geometry " + type);
        }
        return geometry.createMultiPolygon(polygons.toArray(Polygon[]::new));
    }

    private Polygon polygon(JsonNode rings) {
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return geometry.createPolygon(shell, holes);
    }

    private LinearRing ring(JsonNode points) {
        Coordinate[] coordinates = new Coordinate[points.size()];
        for (int i = 0; i < points.size(); i++) {
            coordinates[i] = new Coordinate(points.get(i).get(0).asDouble(), points.get(i).get(1).asDouble());
        }
        return geometry.createLinearRing(coordinates);
    }
}
