package id.aduan.routing.domain;

import id.aduan.events.Category;
import id.aduan.events.ComplaintSnapshot;
import id.aduan.events.Region;
import id.aduan.events.Regions;
import id.aduan.events.RoutingDecision;
import id.aduan.events.Wib;
import java.time.LocalDate;
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

    /** Routes as on the day the complaint was submitted (Asia/Jakarta). */
    public RoutingDecision route(ComplaintSnapshot complaint) {
        return route(complaint, submittedOn(complaint));
    }

    private static LocalDate submittedOn(ComplaintSnapshot complaint) {
        return complaint == null || complaint.submittedAt() == null ? LocalDate.now(Wib.ZONE)
                : complaint.submittedAt().atZoneSameInstant(Wib.ZONE).toLocalDate();
    }

    /**
     * Routes with the directory as it stands on {@code day}: a rule naming an OPD that has since merged names its
     * successor.
     */
    public RoutingDecision route(ComplaintSnapshot complaint, LocalDate day) {
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
        Words words = Words.of(complaint.description(), complaint.address()).at(complaint.location());
        Rule rule = category == null || region == null ? null
                : rules.match(category.code(), region.code(), words).orElse(null);
        if (rule == null) {
            Opd triage = rules.triage();
            String why = "Tidak ada aturan untuk kategori '" + (category == null ? "-" : category.code())
                    + "' di wilayah '" + complaint.regionCode() + "': diperiksa " + triage.name() + ".";
            return new RoutingDecision(triage.code(), triage.name(), TRIAGE_RULE, rules.version(), why, 1, null);
        }
        String named = rule.opdFor(region.code());
        Opd opd = rules.resolve(named, day);
        if (opd == null) {
            Opd triage = rules.triage();
            return new RoutingDecision(triage.code(), triage.name(), TRIAGE_RULE, rules.version(), "Aturan " + rule.id()
                    + " menunjuk " + named + ", yang tidak aktif pada " + day + ": diperiksa " + triage.name() + ".",
                    1, null);
        }
        String keyword = rule.matchedKeyword(words);
        StringBuilder why = new StringBuilder(category.label(true)).append(" di ").append(region.name());
        if (keyword != null) {
            why.append(" (\"").append(keyword).append("\")");
        }
        why.append(" → ").append(opd.name()).append(". ").append(rule.explanation());
        why.append(successionNote(rules, named, opd));
        why.append(liaisonNote(rules, opd, day));
        return withLiaison(rules, day, opd, rule.id(), 1, null, why.toString().strip());
    }

    /** How often a complaint may be routed on its own before a person in triage decides. */
    public static final int MAX_HOPS = 3;
    static final String SUGGESTED_RULE = "reroute-suggested";
    static final String LIMIT_RULE = "reroute-limit";
    static final String EXHAUSTED_RULE = "reroute-triage";
    static final String UNKNOWN_RULE = "reroute-unknown-opd";

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
        return reroute(complaint, fromOpd, suggested, tried, hop, submittedOn(complaint));
    }

    /** Re-routes with the directory as it stands on {@code day}. */
    public RoutingDecision reroute(ComplaintSnapshot complaint, String fromOpd, String suggested, List<String> tried,
            int hop, LocalDate day) {
        RuleSet rules = this.rules;
        int next = hop + 1;
        Opd triage = rules.triage();
        Opd from = rules.opd(fromOpd);
        String fromName = from == null ? fromOpd : from.name();
        Opd proposal = suggested == null ? null : rules.resolve(suggested.strip(), day);
        boolean byTriage = triage.code().equals(fromOpd);
        if (!byTriage && (from == null || suggested != null && proposal == null)) {
            // An OPD or a suggestion the directory does not know (or no longer has): a person decides, not a guess.
            String why = from == null ? "Penolakan dari OPD yang tidak dikenal (" + fromOpd + ")"
                    : fromName + " menyatakan bukan kewenangannya dan menyarankan OPD yang tidak dikenal atau tidak "
                            + "aktif (" + suggested.strip() + ")";
            return decision(rules, day, triage, UNKNOWN_RULE, next, fromOpd, why + ": diperiksa tim verifikasi.");
        }
        if (proposal != null && (byTriage || !tried.contains(proposal.code())) && !proposal.code().equals(fromOpd)) {
            if (byTriage || hop < MAX_HOPS) {
                return decision(rules, day, proposal, SUGGESTED_RULE, next, fromOpd, fromName + " menyatakan bukan kewenangannya"
                        + " dan menyarankan " + proposal.name() + ".");
            }
        }
        if (!byTriage && hop < MAX_HOPS && complaint != null && complaint.category() != null) {
            String region = complaint.regionCode();
            Words words = Words.of(complaint.description(), complaint.address()).at(complaint.location());
            for (Rule rule : Regions.byCode(region).isEmpty() ? List.<Rule>of()
                    : rules.ranked(complaint.category().code(), region, words)) {
                Opd opd = rules.resolve(rule.opdFor(region), day);
                if (opd != null && !tried.contains(opd.code()) && !opd.code().equals(triage.code())) {
                    return decision(rules, day, opd, rule.id(), next, fromOpd, fromName + " menyatakan bukan kewenangannya; "
                            + "aturan berikutnya: " + rule.explanation());
                }
            }
        }
        String why = byTriage ? "Tim verifikasi belum menunjuk OPD yang dikenal; pengaduan tetap diperiksa."
                : hop >= MAX_HOPS ? fromName + " menyatakan bukan kewenangannya, dan pengaduan sudah " + hop
                        + " kali diteruskan: tim verifikasi yang memutuskan."
                : fromName + " menyatakan bukan kewenangannya dan tidak ada OPD lain yang cocok: diperiksa tim "
                        + "verifikasi.";
        return decision(rules, day, triage, hop >= MAX_HOPS ? LIMIT_RULE : EXHAUSTED_RULE, next, fromOpd, why);
    }

    private static RoutingDecision decision(RuleSet rules, LocalDate day, Opd opd, String ruleId, int hop,
            String previous, String why) {
        StringBuilder explanation = new StringBuilder(why).append(" → ").append(opd.name()).append('.');
        explanation.append(liaisonNote(rules, opd, day));
        return withLiaison(rules, day, opd, ruleId, hop, previous, explanation.toString());
    }

    /** For an office outside the province: who forwards to it and follows up. */
    private static String liaisonNote(RuleSet rules, Opd opd, LocalDate day) {
        Opd liaison = opd.isOutside() ? liaison(rules, opd, day) : null;
        return liaison == null ? "" : " Diteruskan dan dipantau melalui " + liaison.name() + ".";
    }

    /** The liaison on that day: after a merger, the OPD it merged into. */
    private static Opd liaison(RuleSet rules, Opd opd, LocalDate day) {
        Opd liaison = rules.resolve(opd.liaison(), day);
        return liaison == null ? rules.triage() : liaison;
    }

    private static String successionNote(RuleSet rules, String named, Opd opd) {
        return named.equals(opd.code()) ? ""
                : " Tugas " + rules.opd(named).name() + " kini dijalankan oleh " + opd.name() + ".";
    }

    private static RoutingDecision withLiaison(RuleSet rules, LocalDate day, Opd opd, String ruleId, int hop,
            String previous, String why) {
        return new RoutingDecision(opd.code(), opd.name(), ruleId, rules.version(), why, hop, previous,
                opd.isOutside() ? liaison(rules, opd, day).code() : null);
    }

    public RuleSet rules() {
        return rules;
    }
}
