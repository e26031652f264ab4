package id.aduan.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.aduan.events.Category;
import id.aduan.events.ComplaintSnapshot;
import id.aduan.events.Location;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rule for a place: it takes only complaints with a point inside its circle, and beats a rule for the region. */
class LocationRuleTest {

    private static final RuleSet BUILT_IN = RuleSetLoader.fromClasspath(RuleSetLoader.BUILT_IN);
    // A made-up hospital site for the test, not a claim about real coordinates.
    private static final Rule.Area SITE = new Rule.Area(-3.8000, 102.2700, 400);

    private static Router withSiteRule(Rule.Area near) {
        List<Rule> rules = new ArrayList<>(BUILT_IN.rules());
        rules.add(new Rule("health-site", "health", "1771", "DINKES-PROV", List.of(), 0,
                "Pengaduan di lokasi rumah sakit provinsi ditangani Dinas Kesehatan Provinsi.", near));
        return new Router(RuleSet.of("test", "test.1", "TRIAGE", BUILT_IN.opds(), rules));
    }

    private static ComplaintSnapshot puskesmas(Location at) {
        return new ComplaintSnapshot("ADU-AAAA-BBBB-CCCC-DDDD", Category.HEALTH, "1771", "obat habis, antre lama",
                null, at, "api", OffsetDateTime.parse("2026-11-26T09:00:00+07:00"));
    }

    @Test
    void aPointInsideTheCircleTakesThePlaceRule() {
        Router router = withSiteRule(SITE);
        // About 200 m north-east of the centre.
        assertThat(router.route(puskesmas(new Location(-3.7987, 102.2714))).ruleId()).isEqualTo("health-site");
        // About 1.1 km away, and no point at all: the region's rules decide.
        assertThat(router.route(puskesmas(new Location(-3.8100, 102.2700))).ruleId()).isEqualTo("health-province");
        assertThat(router.route(puskesmas(null)).ruleId()).isEqualTo("health-province");
    }

    @Test
    void aPlaceRuleCannotBeACategorysOnlyRuleAndItsCircleMustMakeSense() {
        assertThatThrownBy(() -> withSiteRule(new Rule.Area(-3.8, 102.27, 0)))
                .isInstanceOf(InvalidRuleSetException.class).hasMessageContaining("rule health-site: near needs");
        // Only a place rule for "other" in Kota Bengkulu: the category has no OPD elsewhere in the city.
        List<Rule> onlyPlace = new ArrayList<>(BUILT_IN.rules().stream()
                .filter(r -> !r.category().equals("other")).toList());
        onlyPlace.add(new Rule("other-site", "other", "*", "TRIAGE", List.of(), 0, "x", SITE));
        assertThatThrownBy(() -> RuleSet.of("test", "test.2", "TRIAGE", BUILT_IN.opds(), onlyPlace))
                .isInstanceOf(InvalidRuleSetException.class).hasMessageContaining("category 'other' has no OPD");
    }
}
