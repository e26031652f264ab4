package id.aduan.routing.domain;

import id.aduan.events.Category;
import id.aduan.events.ComplaintSnapshot;
import id.aduan.events.Region;
import id.aduan.events.Regions;
import id.aduan.events.RoutingDecision;
import java.util.List;

/**
 * Decides, in memory, which OPD answers a complaint, and says why in words staff and citizens understand.
 * A complaint that no rule claims (an unknown category or region) goes to triage.
 */
public final class Router {

    static final String TRIAGE_RULE = "triage-default";
    static final String UNCLEAR_RULE = "triage-unclear";

    /** Replaced whole when the rules file changes; each decision reads it once, so it never mixes two versions. */
    private volatile RuleSet rules;

    public Router(RuleSet rules) {
        this.rules = rules;
    }

    /** From now on, decide with this (already validated) rule set. */
    public void replace(RuleSet newRules) {
        this.rules = newRules;
    }

    public RoutingDecision route(ComplaintSnapshot complaint) {
        RuleSet rules = this.rules;
        if (complaint.needsTriage()) {
            // Intake could not read the category or region with confidence: a person decides, not a guess.
            Opd triage = rules.triage();
            String why = "Isi pengaduan kurang jelas (" + String.join(", ", complaint.normalization().triageReasons())
                    + "): diperiksa " + triage.name() + ".";
            return new RoutingDecision(triage.code(), triage.name(), UNCLEAR_RULE, rules.version(), why, 1, null);
        }
        Category category = complaint.category();
        Region region = Regions.byCode(complaint.regionCode()).orElse(null);
        Words words = Words.of(complaint.description(), complaint.address());
        Rule rule = category == null || region == null ? null
                : rules.match(category.code(), region.code(), words).orElse(null);
        if (rule == null) {
            Opd triage = rules.triage();
            String why = "Tidak ada aturan untuk kategori '" + (category == null ? "-" : category.code())
                    + "' di wilayah '" + complaint.regionCode() + "': diperiksa " + triage.name() + ".";
            return new RoutingDecision(triage.code(), triage.name(), TRIAGE_RULE, rules.version(), why, 1, null);
        }
        Opd opd = rules.opd(rule.opdFor(region.code()));
        String keyword = rule.matchedKeyword(words);
        StringBuilder why = new StringBuilder(category.label(true)).append(" di ").append(region.name());
        if (keyword != null) {
            why.append(" (\"").append(keyword).append("\")");
        }
        why.append(" → ").append(opd.name()).append(". ").append(rule.explanation());
        why.append(liaisonNote(rules, opd));
        return new RoutingDecision(opd.code(), opd.name(), rule.id(), rules.version(), why.toString().strip(), 1,
                null, opd.isOutside() ? opd.liaison() : null);
    }

    /** How often a complaint may be routed on its own before a person in triage decides. */
    public static final int MAX_HOPS = 3;
    static final String SUGGESTED_RULE = "reroute-suggested";
    static final String LIMIT_RULE = "reroute-limit";
    static final String EXHAUSTED_RULE = "reroute-triage";

    /**
     * Where a complaint goes when an OPD says it is not theirs: the OPD they suggest, if the directory knows it and
     * it has not held the complaint yet; else the next rule that matches and names an OPD that has not held it; else
     * triage. After {@link #MAX_HOPS} routings it goes to triage, so that it can never loop. Triage itself forwards by
     * rejecting with a suggestion, without limit: that is a person's decision.
     *
     * @param hop   how many times it has been routed so far
     * @param tried every OPD that has held it
     */
    public RoutingDecision reroute(ComplaintSnapshot complaint, String fromOpd, String suggested, List<String> tried,
            int hop) {
        RuleSet rules = this.rules;
        int next = hop + 1;
        Opd triage = rules.triage();
        Opd from = rules.opd(fromOpd);
        String fromName = from == null ? fromOpd : from.name();
        Opd proposal = suggested == null ? null : rules.opd(suggested.strip());
        boolean byTriage = triage.code().equals(fromOpd);
        if (proposal != null && (byTriage || !tried.contains(proposal.code())) && !proposal.code().equals(fromOpd)) {
            if (byTriage || hop < MAX_HOPS) {
                return decision(rules, proposal, SUGGESTED_RULE, next, fromOpd, fromName + " menyatakan bukan kewenangannya"
                        + " dan menyarankan " + proposal.name() + ".");
            }
        }
        if (!byTriage && hop < MAX_HOPS && complaint != null && complaint.category() != null) {
            String region = complaint.regionCode();
            Words words = Words.of(complaint.description(), complaint.address());
            for (Rule rule : Regions.byCode(region).isEmpty() ? List.<Rule>of()
                    : rules.ranked(complaint.category().code(), region, words)) {
                Opd opd = rules.opd(rule.opdFor(region));
                if (opd != null && !tried.contains(opd.code()) && !opd.code().equals(triage.code())) {
                    return decision(rules, opd, rule.id(), next, fromOpd, fromName + " menyatakan bukan kewenangannya; "
                            + "aturan berikutnya: " + rule.explanation());
                }
            }
        }
        String why = byTriage ? "Tim verifikasi belum menunjuk OPD yang dikenal; pengaduan tetap diperiksa."
                : hop >= MAX_HOPS ? fromName + " menyatakan bukan kewenangannya, dan pengaduan sudah " + hop
                        + " kali diteruskan: tim verifikasi yang memutuskan."
                : fromName + " menyatakan bukan kewenangannya dan tidak ada OPD lain yang cocok: diperiksa tim "
                        + "verifikasi.";
        return decision(rules, triage, hop >= MAX_HOPS ? LIMIT_RULE : EXHAUSTED_RULE, next, fromOpd, why);
    }

    private static RoutingDecision decision(RuleSet rules, Opd opd, String ruleId, int hop, String previous,
            String why) {
        StringBuilder explanation = new StringBuilder(why).append(" → ").append(opd.name()).append('.');
        explanation.append(liaisonNote(rules, opd));
        return new RoutingDecision(opd.code(), opd.name(), ruleId, rules.version(), explanation.toString(), hop,
                previous, opd.isOutside() ? opd.liaison() : null);
    }

    /** For an office outside the province: who forwards to it and follows up. */
    private static String liaisonNote(RuleSet rules, Opd opd) {
        return opd.isOutside() ? " Diteruskan dan dipantau melalui " + rules.opd(opd.liaison()).name() + "." : "";
    }

    public RuleSet rules() {
        return rules;
    }
}
