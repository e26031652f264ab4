package id.aduan.routing.domain;

import id.aduan.events.Category;
import id.aduan.events.Region;
import id.aduan.events.Regions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A versioned, validated table of routing rules and the OPDs they name. Immutable: a new file makes a new set.
 */
public final class RuleSet {

    private final String version;
    private final Opd triage;
    private final Map<String, Opd> opds;
    private final List<Rule> rules;

    private RuleSet(String version, Opd triage, Map<String, Opd> opds, List<Rule> rules) {
        this.version = version;
        this.triage = triage;
        this.opds = opds;
        this.rules = rules;
    }

    /**
     * @throws InvalidRuleSetException listing every problem: a missing version, an unknown OPD or region, a
     *                                 duplicate rule id, or a category left without an OPD in some region
     */
    public static RuleSet of(String source, String version, String triageCode, List<Opd> opdList, List<Rule> ruleList) {
        List<String> problems = new ArrayList<>();
        if (version == null || version.isBlank()) {
            problems.add("version is missing");
        }
        Map<String, Opd> opds = new LinkedHashMap<>();
        for (Opd opd : opdList == null ? List.<Opd>of() : opdList) {
            if (opd.code() == null || opd.code().isBlank() || opd.name() == null || opd.name().isBlank()) {
                problems.add("an OPD needs a code and a name: " + opd);
            } else if (opds.putIfAbsent(opd.code(), opd) != null) {
                problems.add("OPD " + opd.code() + " is listed twice");
            }
            if (!Set.of("province", "regency", "outside").contains(opd.level())) {
                problems.add("OPD " + opd.code() + ": level must be province, regency or outside, not '"
                        + opd.level() + "'");
            }
            if ("regency".equals(opd.level()) && Regions.byCode(opd.region()).isEmpty()) {
                problems.add("OPD " + opd.code() + ": a regency office needs its region, not '" + opd.region() + "'");
            }
            if (opd.activeFrom() != null && opd.activeUntil() != null && !opd.activeUntil().isAfter(opd.activeFrom())) {
                problems.add("OPD " + opd.code() + ": active until " + opd.activeUntil() + " is not after active from "
                        + opd.activeFrom());
            }
            if (opd.successor() != null && opd.activeUntil() == null) {
                problems.add("OPD " + opd.code() + ": a successor needs the date it takes over (activeUntil)");
            }
        }
        for (Opd opd : opds.values()) {
            if (opd.successor() != null && !opds.containsKey(opd.successor())) {
                problems.add("OPD " + opd.code() + ": unknown successor '" + opd.successor() + "'");
            } else if (opd.successor() != null && last(opds, opd) == null) {
                problems.add("OPD " + opd.code() + ": its successors lead back to it");
            }
        }
        for (Opd opd : opds.values()) {
            if (opd.isOutside() && (opd.liaison() == null || opds.get(opd.liaison()) == null
                    || opds.get(opd.liaison()).isOutside())) {
                problems.add("OPD " + opd.code() + ": a body outside the province needs a provincial liaison, not '"
                        + opd.liaison() + "'");
            }
        }
        Opd triage = triageCode == null ? null : opds.get(triageCode);
        if (triage == null) {
            problems.add("triage OPD '" + triageCode + "' is not among the OPDs");
        } else if (triage.activeFrom() != null || triage.activeUntil() != null) {
            problems.add("triage OPD " + triageCode + " must always be active");
        }
        List<Rule> rules = ruleList == null ? List.of() : List.copyOf(ruleList);
        Set<String> ids = new HashSet<>();
        for (Rule rule : rules) {
            if (rule.id() == null || !ids.add(rule.id())) {
                problems.add("rule id missing or repeated: " + rule.id());
            }
            if (rule.category() == null || Category.ofCode(rule.category()).isEmpty()) {
                problems.add("rule " + rule.id() + ": unknown category '" + rule.category() + "'");
            }
            if (rule.region() == null
                    || !Rule.ANY_REGION.equals(rule.region()) && Regions.byCode(rule.region()).isEmpty()) {
                problems.add("rule " + rule.id() + ": unknown region '" + rule.region() + "'");
            }
            if (rule.near() != null && (Math.abs(rule.near().latitude()) > 90 || Math.abs(rule.near().longitude()) > 180
                    || !(rule.near().radiusMeters() > 0))) {
                problems.add("rule " + rule.id() + ": near needs a latitude, a longitude and a radius in metres");
            }
            if (rule.opd() == null) {
                problems.add("rule " + rule.id() + ": no OPD");
            } else {
                for (Region region : Regions.bengkulu()) {
                    String code = rule.opdFor(region.code());
                    if (!Rule.ANY_REGION.equals(rule.region()) && !region.code().equals(rule.region())) {
                        continue;
                    }
                    Opd named = opds.get(code);
                    if (named == null) {
                        problems.add("rule " + rule.id() + ": unknown OPD '" + code + "'");
                    } else if (named.activeFrom() != null) {
                        problems.add("rule " + rule.id() + ": OPD " + code + " takes complaints only from "
                                + named.activeFrom() + "; name the OPD it succeeds instead");
                    } else {
                        Opd end = last(opds, named);
                        if (end != null && end.activeUntil() != null) {
                            problems.add("rule " + rule.id() + ": OPD " + code + " stops on " + end.activeUntil()
                                    + (end == named ? "" : " (as " + end.code() + ")")
                                    + " with no successor, which would leave its complaints without an OPD");
                        }
                    }
                }
            }
        }
        if (problems.isEmpty()) {
            for (Category category : Category.values()) {
                if (category == Category.UNKNOWN) {
                    continue;
                }
                for (Region region : Regions.bengkulu()) {
                    // A rule without keywords or place must catch what no keyword or place names.
                    if (rules.stream().noneMatch(r -> r.keywords().isEmpty() && r.near() == null
                            && r.matches(category.code(), region.code()))) {
                        problems.add("category '" + category.code() + "' has no OPD in " + region.name());
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRuleSetException(source, List.copyOf(new java.util.LinkedHashSet<>(problems)));
        }
        return new RuleSet(version, triage, Map.copyOf(opds), rules);
    }

    /** The best rule for a complaint without looking at its words (a rule without keywords). */
    public Optional<Rule> match(String categoryCode, String regionCode) {
        return match(categoryCode, regionCode, Words.of());
    }

    /**
     * The best rule for a complaint: the highest priority, then a rule for its region over one for all, then one whose
     * keyword its words contain; on a tie, the one listed first.
     */
    public Optional<Rule> match(String categoryCode, String regionCode, Words text) {
        Rule best = null;
        for (Rule rule : rules) {
            if (rule.matches(categoryCode, regionCode, text) && (best == null || rule.priority() > best.priority()
                    || rule.priority().equals(best.priority()) && rule.specificity() > best.specificity())) {
                best = rule;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Every rule that matches, best first (the order {@link #match} decides by). */
    public List<Rule> ranked(String categoryCode, String regionCode, Words text) {
        return rules.stream().filter(r -> r.matches(categoryCode, regionCode, text))
                .sorted(java.util.Comparator.comparing(Rule::priority).thenComparing(Rule::specificity).reversed())
                .toList();
    }

    /** The last OPD of a succession chain; {@code null} if the chain loops. */
    private static Opd last(Map<String, Opd> opds, Opd opd) {
        Opd current = opd;
        for (int i = 0; i <= opds.size(); i++) {
            Opd next = current.successor() == null ? null : opds.get(current.successor());
            if (next == null) {
                return current;
            }
            current = next;
        }
        return null;
    }

    /**
     * Who takes a complaint for this OPD on this day: the OPD itself while it is active, else its successor (through
     * every merger since); {@code null} if it is unknown, not active yet, or stopped without a successor.
     */
    public Opd resolve(String code, LocalDate day) {
        Opd opd = code == null ? null : opds.get(code);
        for (int i = 0; opd != null && i <= opds.size(); i++) {
            if (opd.isActiveOn(day)) {
                return opd;
            }
            if (opd.activeUntil() == null || day.isBefore(opd.activeUntil()) || opd.successor() == null) {
                return null;
            }
            opd = opds.get(opd.successor());
        }
        return null;
    }

    /** The same rules with another directory (validated again: a change that strands a rule is refused). */
    public RuleSet withOpds(String source, List<Opd> directory) {
        return of(source, version, triage.code(), directory, rules);
    }

    public String version() {
        return version;
    }

    public Opd triage() {
        return triage;
    }

    public Opd opd(String code) {
        return opds.get(code);
    }

    public List<Opd> opds() {
        return List.copyOf(opds.values());
    }

    public List<Rule> rules() {
        return rules;
    }

    @Override
    public String toString() {
        return "RuleSet[" + version + ", " + rules.size() + " rules, " + opds.size() + " OPDs]";
    }
}
