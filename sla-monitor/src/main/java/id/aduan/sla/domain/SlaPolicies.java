package id.aduan.sla.domain;

import id.aduan.sla.persistence.SlaClock;
import java.time.Duration;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import id.aduan.events.Category;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How many working days an OPD has to resolve a complaint, by complaint class, set per category and per OPD (see
 * {@code sla/policies.yaml}). Immutable and validated: a file with an unknown class, category or a non-positive
 * number of days is refused with every reason.
 */
public final class SlaPolicies {

    public static final String BUILT_IN = "sla/policies.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** One rule: a class for a category, an OPD, or both. */
    public record Rule(String category, String opd, String type) {

        int specificity() {
            return (opd == null ? 0 : 2) + (category == null ? 0 : 1);
        }

        boolean matches(String categoryCode, String opdCode) {
            return (category == null || category.equals(categoryCode)) && (opd == null || opd.equals(opdCode));
        }
    }

    private record PolicyFile(String version, Integer firstResponseDays, Map<String, Integer> classes,
            @JsonProperty("default") String defaultClass, List<FileRule> rules) {
    }

    private record FileRule(String category, String opd, @JsonProperty("class") String type) {
    }

    /** Working days to the first response when a file names none. */
    public static final int DEFAULT_FIRST_RESPONSE_DAYS = 3;

    private final String version;
    private final int firstResponseDays;
    private final Map<String, Integer> classes;
    private final String defaultClass;
    private final List<Rule> rules;

    private SlaPolicies(String version, int firstResponseDays, Map<String, Integer> classes, String defaultClass,
            List<Rule> rules) {
        this.version = version;
        this.firstResponseDays = firstResponseDays;
        this.classes = Map.copyOf(classes);
        this.defaultClass = defaultClass;
        this.rules = List.copyOf(rules);
    }

    public static SlaPolicies of(String source, String version, Map<String, Integer> classes, String defaultClass,
            List<Rule> rules) {
        return of(source, version, DEFAULT_FIRST_RESPONSE_DAYS, classes, defaultClass, rules);
    }

    public static SlaPolicies of(String source, String version, int firstResponseDays, Map<String, Integer> classes,
            String defaultClass, List<Rule> rules) {
        List<String> problems = new ArrayList<>();
        if (firstResponseDays < 1 || firstResponseDays > 60) {
            problems.add("firstResponseDays must be 1 to 60, not " + firstResponseDays);
        }
        if (version == null || version.isBlank()) {
            problems.add("version is missing");
        }
        Map<String, Integer> known = classes == null ? Map.of() : classes;
        if (known.isEmpty()) {
            problems.add("no classes");
        }
        known.forEach((name, days) -> {
            if (days == null || days < 1 || days > 365) {
                problems.add("class " + name + ": working days must be 1 to 365, not " + days);
            }
        });
        if (defaultClass == null || !known.containsKey(defaultClass)) {
            problems.add("default class '" + defaultClass + "' is not among the classes");
        }
        List<Rule> list = rules == null ? List.of() : rules;
        for (int i = 0; i < list.size(); i++) {
            Rule rule = list.get(i);
            String where = "rule " + (i + 1);
            if (rule.type() == null || !known.containsKey(rule.type())) {
                problems.add(where + ": unknown class '" + rule.type() + "'");
            }
            if (rule.category() == null && rule.opd() == null) {
                problems.add(where + ": names neither a category nor an OPD");
            }
            if (rule.category() != null && Category.ofCode(rule.category()).isEmpty()) {
                problems.add(where + ": unknown category '" + rule.category() + "'");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("SLA policies " + source + " refused: " + String.join("; ", problems));
        }
        return new SlaPolicies(version, firstResponseDays, known, defaultClass, list);
    }

    public static SlaPolicies fromClasspath() {
        try (InputStream in = SlaPolicies.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
            return read(BUILT_IN, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SlaPolicies fromFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SlaPolicies read(String source, InputStream in) throws IOException {
        PolicyFile file;
        try {
            file = YAML.readValue(in, PolicyFile.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("SLA policies " + source + " refused: " + e.getOriginalMessage());
        }
        return of(source, file.version(), file.firstResponseDays() == null ? DEFAULT_FIRST_RESPONSE_DAYS
                : file.firstResponseDays(), file.classes(), file.defaultClass(), file.rules() == null ? List.of()
                : file.rules().stream().map(r -> new Rule(r.category(), r.opd(), r.type())).toList());
    }

    /** The class of a complaint of this category held by this OPD: the most specific rule's, else the default. */
    public String classOf(String categoryCode, String opdCode) {
        Rule best = null;
        for (Rule rule : rules) {
            if (rule.matches(categoryCode, opdCode) && (best == null || rule.specificity() > best.specificity())) {
                best = rule;
            }
        }
        return best == null ? defaultClass : best.type();
    }

    /** Working days to resolve a complaint of this category held by this OPD. */
    public int resolutionDays(String categoryCode, String opdCode) {
        return classes.get(classOf(categoryCode, opdCode));
    }

    /**
     * The office time a clock has to resolve its complaint: what it was given when it started, else (a clock from
     * before budgets were kept) what the policy gives now.
     */
    public Duration resolutionTime(SlaClock c) {
        return c.resolutionMinutes != null ? Duration.ofMinutes(c.resolutionMinutes)
                : WorkingCalendar.workingDays(resolutionDays(c.category, c.opdCode));
    }

    /** Working days from routing to the OPD's first answer. */
    public int firstResponseDays() {
        return firstResponseDays;
    }

    public String version() {
        return version;
    }
}
