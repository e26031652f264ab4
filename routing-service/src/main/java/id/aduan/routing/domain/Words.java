package id.aduan.routing.domain;

import id.aduan.events.Location;
import java.text.Normalizer;
import java.util.regex.Pattern;
import java.util.Locale;

/**
 * What rules read of a complaint: its words (lower case, accents and punctuation gone, one space between words) and,
 * if given, its point on the map.
 */
final class Words {

    private final String padded;
    private final Location location;

    private Words(String normalized, Location location) {
        this.padded = " " + normalized + " ";
        this.location = location;
    }

    /** The same words, at this point (none: {@code null}). */
    Words at(Location point) {
        return new Words(padded.strip(), point);
    }

    Location location() {
        return location;
    }

    /** Chat abbreviations that name what rules look for. */
    private static final java.util.Map<String, String> SPELLED_OUT = java.util.Map.of("jln", "jalan", "jl", "jalan",
            "jlan", "jalan", "pkm", "puskesmas", "kab", "kabupaten", "ds", "desa", "prov", "provinsi",
            "rs", "rumah sakit", "dr", "dr");

    static Words of(String... texts) {
        StringBuilder all = new StringBuilder();
        for (String text : texts) {
            if (text != null) {
                all.append(' ').append(text);
            }
        }
        StringBuilder spelled = new StringBuilder();
        for (String word : phrase(all.toString()).split(" ")) {
            spelled.append(' ').append(SPELLED_OUT.getOrDefault(word, word));
        }
        return new Words(spelled.toString().strip(), null);
    }

    // Compiled once: every complaint passes through them (the router's hot path, see ./aduan bench routing).
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern LETTER_DIGIT = Pattern.compile("([a-z])([0-9])");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");

    /** "SMA N 2", "sma  n-2" and "SMAN2" (as "sman 2") read alike. */
    static String phrase(String text) {
        String lower = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        return NON_WORD.matcher(LETTER_DIGIT.matcher(lower).replaceAll("$1 $2")).replaceAll(" ").strip();
    }

    /** Whether the phrase stands as whole words: "sd" is in "guru sd", not in "sdm". */
    boolean has(String phrase) {
        return !phrase.isEmpty() && padded.contains(" " + phrase + " ");
    }
}
