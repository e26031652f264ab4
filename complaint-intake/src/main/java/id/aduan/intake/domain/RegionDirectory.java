package id.aduan.intake.domain;

import id.aduan.events.Region;
import id.aduan.events.Regions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The kabupaten/kota a complaint can be about ({@link Regions}). A region is found by its code, its name or an alias,
 * however the citizen capitalised or spaced it.
 */
@ApplicationScoped
public class RegionDirectory {

    private final Map<String, Region> byCode = new LinkedHashMap<>();
    private final Map<String, Region> byName = new HashMap<>();

    public RegionDirectory() {
        this(Regions.bengkulu());
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
}
