package id.aduan.routing.domain;

import id.aduan.events.Category;
import id.aduan.events.ComplaintSnapshot;
import id.aduan.events.Region;
import id.aduan.events.Regions;
import id.aduan.events.RoutingDecision;

/**
 * Decides, in memory, which OPD answers a complaint, and says why in words staff and citizens understand.
 * A complaint that no rule claims (an unknown category or region) goes to triage.
 */
public final class Router {

    static final String TRIAGE_RULE = "triage-default";
    static final String UNCLEAR_RULE = "triage-unclear";

    private final RuleSet rules;

    public Router(RuleSet rules) {
        this.rules = rules;
    }

    public RoutingDecision route(ComplaintSnapshot complaint) {
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
        if (opd.isOutside()) {
            why.append(" Diteruskan dan dipantau melalui ").append(rules.opd(opd.liaison()).name()).append('.');
        }
        return new RoutingDecision(opd.code(), opd.name(), rule.id(), rules.version(), why.toString().strip(), 1,
                null, opd.isOutside() ? opd.liaison() : null);
    }

    public RuleSet rules() {
        return rules;
    }
}
