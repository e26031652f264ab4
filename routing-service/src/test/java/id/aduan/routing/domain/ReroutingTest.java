package id.aduan.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.events.Category;
import id.aduan.events.ComplaintSnapshot;
import id.aduan.events.RoutingDecision;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "Bukan kewenangan kami": the suggestion, else the next rule, else triage; never more than three hops. */
class ReroutingTest {

    private static final Router ROUTER = new Router(RuleSetLoader.fromClasspath(RuleSetLoader.BUILT_IN));

    private static ComplaintSnapshot complaint(Category category, String region, String text) {
        return new ComplaintSnapshot("ADU-AAAA-BBBB-CCCC-DDDD", category, region, text, null, null, "api",
                OffsetDateTime.parse("2026-11-26T09:00:00+07:00"));
    }

    @ParameterizedTest(name = "{0} in {1} rejected by {3} (suggests {4}) -> {5}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // the suggestion, when the directory knows it and it has not held the complaint
        "health | 1771 | jalan ke puskesmas rusak          | DINKES-1771 | DPUPR-PROV  | DPUPR-PROV   | reroute-suggested | 2",
        "school | 1708 | Guru SMA jarang masuk              | DIKBUD-PROV | DISDIK-1708 | DISDIK-1708  | reroute-suggested | 2",
        // no suggestion: the next rule that matches and names an OPD that has not held it
        "school | 1708 | Guru SD jarang masuk               | DISDIK-1708 | -           | DIKBUD-PROV  | school-province   | 2",
        "health | 1702 | puskesmas Curup tutup              | DINKES-1702 | -           | DINKES-PROV  | health-province   | 2",
        "road   | 1703 | jalan lintas amblas                | BPJN-BENGKULU | -         | DPUPR-PROV   | road-province     | 2",
        // an unknown suggestion: a person in triage decides
        "road   | 1771 | jalan berlubang                    | DPUPR-PROV  | DINAS-FIKTIF| TRIAGE       | reroute-unknown-opd | 2",
        "other  | 1771 | sampah menumpuk                    | TRIAGE      | DINSOS-PROV | DINSOS-PROV  | reroute-suggested | 2"})
    void findsTheNextOpd(String category, String region, String text, String from, String suggested, String opd,
            String rule, int hop) {
        RoutingDecision decision = ROUTER.reroute(complaint(Category.ofCode(category).orElseThrow(), region, text),
                from, suggested, List.of(from), 1);

        assertThat(decision.opdCode()).isEqualTo(opd);
        assertThat(decision.ruleId()).isEqualTo(rule);
        assertThat(decision.hop()).isEqualTo(hop);
        assertThat(decision.previousOpdCode()).isEqualTo(from);
        assertThat(decision.explanation()).contains(decision.opdName());
    }

    @Test
    void neverBackToAnOpdThatHeldIt() {
        RoutingDecision decision = ROUTER.reroute(complaint(Category.SCHOOL, "1708", "Guru SD jarang masuk"),
                "DIKBUD-PROV", "DISDIK-1708", List.of("DISDIK-1708", "DIKBUD-PROV"), 2);
        assertThat(decision.opdCode()).isEqualTo("TRIAGE");
        assertThat(decision.hop()).isEqualTo(3);
    }

    @Test
    void afterThreeHopsTriageDecides() {
        RoutingDecision decision = ROUTER.reroute(complaint(Category.ROAD, "1771", "jalan berlubang"),
                "PUPR-1771", "BPJN-BENGKULU", List.of("DPUPR-PROV", "BPJN-BENGKULU", "PUPR-1771"), 3);
        assertThat(decision.opdCode()).isEqualTo("TRIAGE");
        assertThat(decision.ruleId()).isEqualTo(Router.LIMIT_RULE);
        assertThat(decision.hop()).isEqualTo(4);
        assertThat(decision.explanation()).contains("3 kali");
    }

    @Test
    void triageForwardsWhereverItDecidesEvenAfterTheLimit() {
        RoutingDecision decision = ROUTER.reroute(complaint(Category.ROAD, "1771", "jalan berlubang"), "TRIAGE",
                "DPUPR-PROV", List.of("DPUPR-PROV", "BPJN-BENGKULU", "PUPR-1771", "TRIAGE"), 4);
        assertThat(decision.opdCode()).isEqualTo("DPUPR-PROV");
        assertThat(decision.hop()).isEqualTo(5);
    }

    @Test
    void anOutsideBodyIsReachedThroughItsLiaison() {
        RoutingDecision decision = ROUTER.reroute(complaint(Category.ROAD, "1702", "jalan berlubang"), "DPUPR-PROV",
                "BPJN-BENGKULU", List.of("DPUPR-PROV"), 1);
        assertThat(decision.opdCode()).isEqualTo("BPJN-BENGKULU");
        assertThat(decision.liaisonOpdCode()).isEqualTo("DPUPR-PROV");
    }
}
