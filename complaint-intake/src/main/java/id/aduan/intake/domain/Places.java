package id.aduan.intake.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The kecamatan and desa/kelurahan of the province, with the kabupaten/kota each lies in (a data file). */
final class Places {

    static final String RESOURCE = "/regions/bengkulu-wilayah.csv";

    /** @param level kecamatan or desa */
    record Place(String level, String code, String name, String regionCode) {
    }

    private Places() {
    }

    static List<Place> load() {
        try (InputStream in = Places.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE);
            }
            List<Place> places = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("level,") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", 4);
                places.add(new Place(f[0], f[1], f[2].replace("\"", ""), f[3]));
            }
            return places;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
