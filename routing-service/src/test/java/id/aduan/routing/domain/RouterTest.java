package id.aduan.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.events.Category;
import id.aduan.events.ComplaintSnapshot;
import id.aduan.events.Normalization;
import id.aduan.events.Region;
import id.aduan.events.Regions;
import id.aduan.events.RoutingDecision;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RouterTest {

    private static final Router BUILT_IN = new Router(RuleSetLoader.fromClasspath(RuleSetLoader.BUILT_IN));
    private static final Router REGIONAL = new Router(RuleSetLoader.fromClasspath("rules/with-regional-rule.yaml"));

    static Stream<Arguments> everyCategoryInEveryRegion() {
        return Regions.bengkulu().stream().flatMap(region -> Stream.of(
                Arguments.of(Category.ROAD, region, "DPUPR-PROV", "road-province"),
                Arguments.of(Category.SCHOOL, region, "DIKBUD-PROV", "school-province"),
                Arguments.of(Category.HEALTH, region, "DINKES-PROV", "health-province"),
                Arguments.of(Category.OTHER, region, "TRIAGE", "other-triage")));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyCategoryInEveryRegion")
    void builtInRulesCoverEveryCategoryInEveryRegion(Category category, Region region, String opd, String rule) {
        RoutingDecision decision = BUILT_IN.route(complaint(category, region.code()));

        assertThat(decision.opdCode()).isEqualTo(opd);
        assertThat(decision.ruleId()).isEqualTo(rule);
        assertThat(decision.ruleVersion()).isEqualTo("2026.2");
        assertThat(decision.hop()).isEqualTo(1);
        assertThat(decision.explanation()).contains(region.name()).contains(decision.opdName());
    }

    @ParameterizedTest
    @CsvSource({"1708, PUPR-1708, road-kepahiang", "1702, DPUPR-PROV, road-all", "1771, DPUPR-PROV, road-all"})
    void aRuleForOneRegionBeatsARuleForAll(String region, String opd, String rule) {
        RoutingDecision decision = REGIONAL.route(complaint(Category.ROAD, region));
        assertThat(decision.opdCode()).isEqualTo(opd);
        assertThat(decision.ruleId()).isEqualTo(rule);
    }

    @ParameterizedTest
    @CsvSource({"UNKNOWN, 1771", "ROAD, 3171", "SCHOOL, ''"})
    void whatNoRuleClaimsGoesToTriage(Category category, String region) {
        RoutingDecision decision = BUILT_IN.route(complaint(category, region));
        assertThat(decision.opdCode()).isEqualTo("TRIAGE");
        assertThat(decision.ruleId()).isEqualTo(Router.TRIAGE_RULE);
        assertThat(decision.explanation()).startsWith("Tidak ada aturan");
    }

    @Test
    void whatIntakeCouldNotReadGoesToTriageEvenIfARuleWouldClaimIt() {
        ComplaintSnapshot unclear = new ComplaintSnapshot("ADU-AAAA-BBBB-CCCC-DDDD", Category.ROAD, "1771",
                "tolong pak", null, null, "telegram", OffsetDateTime.parse("2026-11-26T09:00:00+07:00"), false, false,
                new Normalization(0.2, "text", 1.0, "name", null, true, List.of("category-unclear")), null);

        RoutingDecision decision = BUILT_IN.route(unclear);

        assertThat(decision.opdCode()).isEqualTo("TRIAGE");
        assertThat(decision.ruleId()).isEqualTo(Router.UNCLEAR_RULE);
        assertThat(decision.explanation()).contains("category-unclear");
    }

    @Test
    void aConfidentlyReadComplaintIsRoutedByTheRules() {
        ComplaintSnapshot clear = new ComplaintSnapshot("ADU-AAAA-BBBB-CCCC-DDDD", Category.ROAD, "1771",
                "jalan berlubang", null, null, "telegram", OffsetDateTime.parse("2026-11-26T09:00:00+07:00"), false,
                false, new Normalization(0.9, "text", 1.0, "name", null, false, List.of()), null);

        assertThat(BUILT_IN.route(clear).opdCode()).isEqualTo("DPUPR-PROV");
    }

    private static ComplaintSnapshot complaint(Category category, String region) {
        return new ComplaintSnapshot("ADU-AAAA-BBBB-CCCC-DDDD", category, region, "Isi pengaduan", null, null, "api",
                OffsetDateTime.parse("2026-11-26T09:00:00+07:00"));
    }
}
