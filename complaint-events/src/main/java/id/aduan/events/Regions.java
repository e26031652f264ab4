package id.aduan.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** The region codes events may carry: the ten kabupaten/kota of Bengkulu province, from a data file. */
public final class Regions {

    private static final String RESOURCE = "regions-bengkulu.json";
    private static final List<Region> BENGKULU = load();

    private Regions() {
    }

    public static List<Region> bengkulu() {
        return BENGKULU;
    }

    public static Optional<Region> byCode(String code) {
        return BENGKULU.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    private static List<Region> load() {
        try (InputStream in = Regions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE);
            }
            return new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in, RegionFile.class).regions();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    private record RegionFile(List<Region> regions) {
    }
}
