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
            "makmur", "sari", "indah", "harapan", "merdeka", "sentosa", "batu", "gunung", "karang", "pagar", "ratu",
            "luas", "tetap", "amen", "penarik");

    /** Words before a desa name that say it is one ("pasar panorama" is the market of kelurahan Panorama). */
    private static final Set<String> DESA_MARKERS = Set.of("desa", "kelurahan", "dusun", "pasar", "kampung");

    /** A place after these is where the road leads or the patient was sent, not where the complaint is. */
    private static final Set<String> DIRECTIONS = Set.of("ke", "menuju", "arah", "dari", "sampai", "hingga",
            "dirujuk", "rujuk");

    static final String LANDMARKS = "/regions/bengkulu-landmarks.csv";

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
            add(key(region.name()), new Name(region, "name", 1.0, null, null));
            region.aliases().forEach(alias -> add(key(alias), new Name(region, "alias", 0.95, null, null)));
        }
        fuzzyKeys.addAll(names.keySet().stream().filter(k -> k.length() >= 5).toList());
        for (String[] landmark : landmarks()) {
            Region region = byCode.get(landmark[1]);
            if (region != null) {
                add(key(landmark[0]), new Name(region, "landmark", 0.9, landmark[0], null));
            }
        }
        for (Places.Place place : places) {
            Region region = byCode.get(place.regionCode());
            if (region == null) {
                continue;
            }
            String key = key(place.name());
            boolean kecamatan = "kecamatan".equals(place.level());
            add(key, new Name(region, place.level(), kecamatan ? 0.85 : 0.75, place.name(), place.code()));
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
        if (byRegion.size() == 1) {
            List<Hit> only = byRegion.values().iterator().next();
            Hit top = only.stream().max(Comparator.comparingDouble(h -> h.match.confidence())).orElseThrow();
            return Optional.of(top.match.withConfidence(Math.min(1.0, support(only, false))));
        }
        List<Hit> best = byRegion.values().stream()
                .max(Comparator.comparingDouble(l -> support(l, true))).orElseThrow();
        Hit top = best.stream().max(Comparator.comparingDouble(h -> h.match.confidence())).orElseThrow();
        double confidence = support(best, true);
        double rival = byRegion.values().stream().filter(l -> l != best).mapToDouble(l -> support(l, true))
                .max().orElse(0);
        confidence = confidence * (1 - 0.5 * rival / Math.max(confidence, rival));
        return Optional.of(top.match.withConfidence(Math.min(1.0, confidence)));
    }

    /** How strongly a region's hits name it: the best one, raised by each further mention. */
    private static double support(List<Hit> hits, boolean weighted) {
        double[] values = hits.stream().mapToDouble(h -> h.match.confidence() * (weighted ? h.weight : 1)).toArray();
        double best = java.util.Arrays.stream(values).max().orElse(0);
        return best + 0.25 * (java.util.Arrays.stream(values).sum() - best);
    }

    private List<Hit> lookup(String gram, String before, String original, boolean field, int n, int position) {
        List<Hit> hits = new ArrayList<>();
        List<Name> exact = names.getOrDefault(gram, List.of());
        double direction = DIRECTIONS.contains(before) ? 0.4 : 1.0;
        if (!exact.isEmpty()) {
            boolean namedOtherwise = exact.stream().anyMatch(e -> !"desa".equals(e.source)
                    && confidenceOf(e, gram, before, original, field, n) > 0);
            boolean desaMarked = DESA_MARKERS.contains(before);
            for (Name name : exact) {
                double confidence = confidenceOf(name, gram, before, original, field, n);
                if (confidence > 0 && !("desa".equals(name.source) && namedOtherwise && !desaMarked)) {
                    hits.add(new Hit(new RegionMatch(name.region, confidence, name.source, name.place,
                            name.placeCode), position, direction));
                }
            }
            hits = dedupe(hits);
            if (!hits.isEmpty()) {
                long regionsNamed = hits.size();
                return hits.stream().map(h -> new Hit(h.match.withConfidence(h.match.confidence() / regionsNamed),
                        h.position, h.weight)).toList();
            }
        }
        // A typo: only in a region field, after a place word ("di", "kec."), or for long names that are not words.
        boolean marked = field || MARKERS.contains(before);
        if (n <= 2 && gram.length() >= 6) {
            int max = gram.length() >= 9 ? 2 : 1;
            // Only the closest names count; each distance is computed once.
            int closest = max + 1;
            List<String> nearest = new ArrayList<>();
            for (String key : fuzzyKeys) {
                int distance = IndonesianText.distance(gram, key, max);
                if (distance < closest) {
                    closest = distance;
                    nearest.clear();
                }
                if (distance == closest && distance <= max) {
                    nearest.add(key);
                }
            }
            for (String key : nearest) {
                for (Name name : names.get(key)) {
                    boolean region = name.place == null;
                    if ((region && (marked || gram.length() >= 7)) || ("kecamatan".equals(name.source) && marked)) {
                        hits.add(new Hit(new RegionMatch(name.region, region ? 0.75 : 0.6, "typo",
                                name.place, name.placeCode), position, direction));
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
        if ("landmark".equals(name.source)) {
            return name.confidence;
        }
        // desa: a name on its own is too often an ordinary word
        if (DESA_MARKERS.contains(before)) {
            return name.confidence;
        }
        return n >= 2 ? 0.65 : field ? 0.6 : 0;
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

    private static List<String[]> landmarks() {
        try (java.io.InputStream in = RegionDirectory.class.getResourceAsStream(LANDMARKS)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + LANDMARKS);
            }
            return new java.io.BufferedReader(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8))
                    .lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split(",", 2)).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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

    private record Name(Region region, String source, double confidence, String place, String placeCode) {
    }

    /** @param weight less than 1 for a place named as a destination ("ke Manna"): it loses to a place named plainly */
    private record Hit(RegionMatch match, int position, double weight) {
    }
}
