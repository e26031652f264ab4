package id.aduan.intake.domain;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The kabupaten/kota a complaint can be about, from {@code reference/regions.json}. A region is found by its code,
 * its name or an alias, however the citizen capitalised or spaced it.
 */
@ApplicationScoped
public class RegionDirectory {

    private static final String RESOURCE = "reference/regions.json";

    private final Map<String, Region> byCode = new LinkedHashMap<>();
    private final Map<String, Region> byName = new HashMap<>();

    public RegionDirectory() {
        this(load());
    }

    RegionDirectory(List<Region> regions) {
        for (Region region : regions) {
            byCode.put(region.code(), region);
            byName.put(key(region.name()), region);
            region.aliases().forEach(alias -> byName.putIfAbsent(key(alias), region));
        }
    }

    public Optional<Region> resolve(String codeOrName) {
        if (codeOrName == null || codeOrName.isBlank()) {
            return Optional.empty();
        }
        String wanted = codeOrName.strip();
        Region byItsCode = byCode.get(wanted);
        return byItsCode != null ? Optional.of(byItsCode) : Optional.ofNullable(byName.get(key(wanted)));
    }

    public Optional<Region> byCode(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public Collection<Region> all() {
        return byCode.values();
    }

    /** "Kab. Rejang  Lebong" and "rejang lebong" are one key; a bare "Bengkulu" (city or province?) is none. */
    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("^(kab\\.?|kabupaten)\\s+", "").replaceAll("[\\s.-]+", " ")
                .strip();
    }

    private static List<Region> load() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE);
            }
            RegionFile file = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in, RegionFile.class);
            return file.regions();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    record RegionFile(List<Region> regions) {
    }
}
