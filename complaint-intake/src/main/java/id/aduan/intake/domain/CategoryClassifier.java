package id.aduan.intake.domain;

import id.aduan.events.Category;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Guesses the category of an informal Indonesian complaint from a weighted lexicon kept as data
 * ({@code normalization/category-lexicon.tsv}). Each term counts once; a term right after a landmark word counts a
 * quarter, so "jalan depan SMA 2 berlubang" is about the road, not the school. The confidence is the top score's
 * lead over the runner-up, damped while the evidence is thin.
 */
public final class CategoryClassifier {

    static final String LEXICON = "/normalization/category-lexicon.tsv";

    /** Words that make the next term a place rather than the subject. */
    private static final Set<String> LANDMARK_WORDS = Set.of("depan", "dekat", "samping", "belakang", "sebelah",
            "seberang", "menuju", "arah", "ke", "sekitar", "simpang", "dari", "near", "to", "akses");

    /** Words a "~" in a term may skip. */
    private static final int GAP = 4;

    /** Score at which a single category's evidence is plenty. */
    private static final double PLENTY = 4.0;

    private final List<Term> terms;

    public CategoryClassifier() {
        this(load());
    }

    CategoryClassifier(List<Term> terms) {
        this.terms = List.copyOf(terms);
    }

    public CategoryGuess classify(String text) {
        List<String> words = IndonesianText.words(text);
        String[] stems = words.stream().map(IndonesianText::stem).toArray(String[]::new);
        Map<Category, Double> scores = new EnumMap<>(Category.class);
        List<String> evidence = new ArrayList<>();
        for (Term term : terms) {
            double weight = weightIn(term, words, stems);
            if (weight > 0) {
                scores.merge(term.category, weight, Double::sum);
                evidence.add(term.category.code() + ":" + String.join(" ", term.stems));
            }
        }
        Category best = Category.OTHER;
        double top = 0;
        double second = 0;
        for (Map.Entry<Category, Double> score : scores.entrySet()) {
            if (score.getValue() > top) {
                second = top;
                top = score.getValue();
                best = score.getKey();
            } else if (score.getValue() > second) {
                second = score.getValue();
            }
        }
        if (top == 0) {
            return new CategoryGuess(Category.OTHER, 0, List.of());
        }
        double lead = (top - second) / top;
        double confidence = lead * Math.min(1, top / PLENTY);
        Category decided = best;
        return new CategoryGuess(best, Math.round(confidence * 100) / 100.0,
                evidence.stream().filter(e -> e.startsWith(decided.code() + ":")).toList());
    }

    /** The term's weight in the text: full anywhere it stands on its own, a quarter if only after landmarks. */
    private static double weightIn(Term term, List<String> words, String[] stems) {
        double found = 0;
        for (int i = 0; i < stems.length; i++) {
            if (matchesAt(term.stems, stems, i)) {
                if (i == 0 || !LANDMARK_WORDS.contains(words.get(i - 1))) {
                    return term.weight;
                }
                found = term.weight / 4;
            }
        }
        return found;
    }

    /** Whether the term starts at {@code at}; a "~" in a term skips up to {@link #GAP} words ("jalan ~ lubang"). */
    private static boolean matchesAt(String[] term, String[] stems, int at) {
        return matchesFrom(term, 0, stems, at);
    }

    private static boolean matchesFrom(String[] term, int k, String[] stems, int at) {
        if (k == term.length) {
            return true;
        }
        if ("~".equals(term[k])) {
            for (int skip = 0; skip <= GAP && at + skip <= stems.length; skip++) {
                if (matchesFrom(term, k + 1, stems, at + skip)) {
                    return true;
                }
            }
            return false;
        }
        return at < stems.length && term[k].equals(stems[at]) && matchesFrom(term, k + 1, stems, at + 1);
    }

    static List<Term> load() {
        try (InputStream in = CategoryClassifier.class.getResourceAsStream(LEXICON)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + LEXICON);
            }
            List<Term> terms = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                Category category = fields.length == 3 ? Category.ofCode(fields[0]).orElse(null) : null;
                if (category == null) {
                    throw new IllegalStateException(LEXICON + " line " + number + ": expected category<TAB>weight<TAB>term");
                }
                String[] stems = java.util.Arrays.stream(fields[2].split(" "))
                        .map(w -> "~".equals(w) ? "~" : String.join(" ", IndonesianText.stems(w)))
                        .flatMap(w -> java.util.Arrays.stream(w.split(" "))).toArray(String[]::new);
                terms.add(new Term(category, Double.parseDouble(fields[1]), stems));
            }
            return terms;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Term(Category category, double weight, String[] stems) {

        @Override
        public String toString() {
            return category.code() + ":" + Arrays.toString(stems);
        }
    }
}
