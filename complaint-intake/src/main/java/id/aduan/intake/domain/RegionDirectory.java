package id.aduan.intake.domain;

import id.aduan.events.Region;
import id.aduan.events.Regions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The kabupaten/kota a complaint can be about ({@link Regions}), found the way citizens name it: by code, name or
 * alias in any spelling, with a typo, by a kecamatan or desa inside it, by a point on the map, or somewhere in the
 * words of a complaint. Every answer says how sure it is.
 */
@ApplicationScoped
public class RegionDirectory {

    /** Aliases that are also everyday words ("bu" is "ibu"): only written in capitals do they name a region. */
    private static final Set<String> CAPITALS_ONLY = Set.of("bu", "bs");

    /** Words that announce a place name, as {@link IndonesianText#words} spells them out. */
    private static final Set<String> MARKERS = Set.of("desa", "kelurahan", "dusun", "kecamatan", "kabupaten", "kota",
            "di", "daerah", "wilayah", "dekat", "sekitar");

    /** Single words that are kecamatan names but also ordinary words or parts of many names. */
    private static final Set<String> COMMON = Set.of("air", "kota", "pasar", "talang", "padang", "sungai", "muara",
            "tanjung", "ulu", "ilir", "utara", "selatan", "tengah", "barat", "timur", "baru", "lama", "besar",
            "kecil", "hulu", "teluk", "bukit", "lubuk", "pantai", "pondok", "kampung", "giri", "mulya", "jaya",
            "makmur", "sari", "indah", "harapan", "merdeka", "sentosa", "batu", "gunung", "karang", "pagar", "ipuh",
            "nasal", "lais", "pino", "ratu", "semidang", "binduriang", "kedurang", "luas", "talo", "ilir talo");

    private final Map<String, Region> byCode = new LinkedHashMap<>();
    private final Map<String, List<Name>> names = new HashMap<>();
    private final List<String> fuzzyKeys = new ArrayList<>();
    private final Boundaries boundaries;

    public RegionDirectory() {
        this(Regions.bengkulu(), Places.load(), new Boundaries());
    }

    RegionDirectory(List<Region> regions, List<Places.Place> places, Boundaries boundaries) {
        this.boundaries = boundaries;
        for (Region region : regions) {
            byCode.put(region.code(), region);
            add(key(region.name()), new Name(region, "name", 1.0, null, null, false));
            region.aliases().forEach(alias -> add(key(alias), new Name(region, "alias", 0.95, null, null, false)));
        }
        fuzzyKeys.addAll(names.keySet().stream().filter(k -> k.length() >= 5).toList());
        for (Places.Place place : places) {
            Region region = byCode.get(place.regionCode());
            if (region == null) {
                continue;
            }
            String key = key(place.name());
            boolean kecamatan = "kecamatan".equals(place.level());
            add(key, new Name(region, place.level(), kecamatan ? 0.85 : 0.75, place.name(), place.code(), true));
            if (kecamatan && key.length() >= 6 && !COMMON.contains(key)) {
                fuzzyKeys.add(key);
            }
        }
    }

    /** The region for a code or a name as typed in a region field; empty when unsure. */
    public Optional<Region> resolve(String codeOrName) {
        return match(codeOrName).filter(m -> m.confidence() >= 0.6).map(RegionMatch::region);
    }

    /** A region field: a code, a name, an alias, a place in the region, or an address that names one. */
    public Optional<RegionMatch> match(String field) {
        if (field == null || field.isBlank()) {
            return Optional.empty();
        }
        String wanted = field.strip();
        Region byItsCode = byCode.get(wanted.replace(".", ""));
        if (byItsCode != null) {
            return Optional.of(RegionMatch.exact(byItsCode, "code"));
        }
        List<Name> exact = names.getOrDefault(key(wanted), List.of());
        Optional<Name> region = exact.stream().filter(n -> n.place == null).findFirst();
        if (region.isPresent()) {
            return Optional.of(RegionMatch.exact(region.get().region, region.get().source));
        }
        return find(wanted, true);
    }

    /** The region a complaint's own words name, if they name one. */
    public Optional<RegionMatch> findIn(String text) {
        return find(text, false);
    }

    /** The region a point lies in; empty outside the province (beyond a few km of its coast). */
    public Optional<RegionMatch> at(double latitude, double longitude) {
        return boundaries.regionAt(latitude, longitude).map(byCode::get)
                .map(region -> new RegionMatch(region, 1.0, "point", null, null));
    }

    public Optional<Region> byCode(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public Collection<Region> all() {
        return byCode.values();
    }

    private Optional<RegionMatch> find(String text, boolean field) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        List<String> words = IndonesianText.words(text);
        boolean[] used = new boolean[words.size()];
        List<Hit> hits = new ArrayList<>();
        for (int n = 4; n >= 1; n--) {
            for (int i = 0; i + n <= words.size(); i++) {
                if (anyUsed(used, i, n)) {
                    continue;
                }
                String gram = String.join(" ", words.subList(i, i + n));
                String before = i > 0 ? words.get(i - 1) : "";
                List<Hit> found = lookup(gram, before, text, field, n, i);
                if (!found.isEmpty()) {
                    hits.addAll(found);
                    for (int k = i; k < i + n; k++) {
                        used[k] = true;
                    }
                }
            }
        }
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        // The best region by its best hit; a second place in the same region confirms it, another region doubts it.
        Map<String, List<Hit>> byRegion = new LinkedHashMap<>();
        hits.stream().sorted(Comparator.comparingInt(Hit::position))
                .forEach(h -> byRegion.computeIfAbsent(h.match.region().code(), c -> new ArrayList<>()).add(h));
        List<Hit> best = byRegion.values().stream()
                .max(Comparator.comparingDouble(RegionDirectory::support)).orElseThrow();
        Hit top = best.stream().max(Comparator.comparingDouble(h -> h.match.confidence())).orElseThrow();
        double confidence = support(best);
        double rival = byRegion.values().stream().filter(l -> l != best).mapToDouble(RegionDirectory::support)
                .max().orElse(0);
        if (rival > 0) {
            confidence = confidence * (1 - 0.5 * rival / Math.max(confidence, rival));
        }
        return Optional.of(top.match.withConfidence(confidence));
    }

    /** How strongly a region's hits name it: the best one, raised by independent confirmations. */
    private static double support(List<Hit> hits) {
        double best = hits.stream().mapToDouble(h -> h.match.confidence()).max().orElse(0);
        long others = hits.stream().map(h -> h.match.source() + h.position).distinct().count() - 1;
        return Math.min(1.0, best + 0.1 * others);
    }

    private List<Hit> lookup(String gram, String before, String original, boolean field, int n, int position) {
        List<Hit> hits = new ArrayList<>();
        List<Name> exact = names.getOrDefault(gram, List.of());
        if (!exact.isEmpty()) {
            long regionsNamed = exact.stream().map(e -> e.region.code()).distinct().count();
            for (Name name : exact) {
                double confidence = confidenceOf(name, gram, before, original, field, n);
                if (confidence > 0) {
                    hits.add(new Hit(new RegionMatch(name.region, confidence / regionsNamed, name.source, name.place,
                            name.placeCode), position));
                }
            }
            if (!hits.isEmpty()) {
                return dedupe(hits);
            }
        }
        if (n <= 2 && gram.length() >= 6) {
            int max = gram.length() >= 9 ? 2 : 1;
            for (String key : fuzzyKeys) {
                if (IndonesianText.distance(gram, key, max) <= max) {
                    for (Name name : names.get(key)) {
                        if (name.place == null || "kecamatan".equals(name.source)) {
                            double confidence = name.place == null ? 0.75 : 0.6;
                            hits.add(new Hit(new RegionMatch(name.region, confidence, "typo", name.place,
                                    name.placeCode), position));
                        }
                    }
                }
            }
        }
        return dedupe(hits);
    }

    private static double confidenceOf(Name name, String gram, String before, String original, boolean field, int n) {
        if (name.place == null) {
            if (CAPITALS_ONLY.contains(gram) && !field
                    && !Pattern.compile("\\b" + gram.toUpperCase(Locale.ROOT) + "\\b").matcher(original).find()) {
                return 0;
            }
            return name.confidence;
        }
        boolean marked = MARKERS.contains(before);
        boolean distinctive = n >= 2 || !COMMON.contains(gram);
        if ("kecamatan".equals(name.source)) {
            if (marked || field) {
                return name.confidence;
            }
            return distinctive && gram.length() >= 5 ? name.confidence - 0.1 : 0;
        }
        // desa: a name on its own is too often an ordinary word
        if ("desa".equals(before) || "kelurahan".equals(before) || "dusun".equals(before)) {
            return name.confidence;
        }
        return n >= 2 && (marked || field) ? name.confidence - 0.1 : n >= 2 ? 0.55 : 0;
    }

    /** One hit per region at a position: the most confident. */
    private static List<Hit> dedupe(List<Hit> hits) {
        Map<String, Hit> best = new LinkedHashMap<>();
        for (Hit hit : hits) {
            best.merge(hit.match.region().code(), hit,
                    (a, b) -> a.match.confidence() >= b.match.confidence() ? a : b);
        }
        return new ArrayList<>(best.values());
    }

    private static boolean anyUsed(boolean[] used, int from, int n) {
        for (int k = from; k < from + n; k++) {
            if (used[k]) {
                return true;
            }
        }
        return false;
    }

    private void add(String key, Name name) {
        if (!key.isEmpty()) {
            names.computeIfAbsent(key, k -> new ArrayList<>()).add(name);
        }
    }

    /** "Kab. Rejang  Lebong", "rejang-lebong" and "REJANG LEBONG" are one key; a bare "Bengkulu" is none. */
    static String key(String name) {
        String joined = String.join(" ", IndonesianText.words(name));
        return joined.replaceAll("^(kabupaten|kab) ", "").strip();
    }

    private record Name(Region region, String source, double confidence, String place, String placeCode,
                        boolean isPlace) {
    }

    private record Hit(RegionMatch match, int position) {
    }
}
