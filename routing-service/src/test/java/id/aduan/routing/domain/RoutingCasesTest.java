package id.aduan.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.events.Category;
import id.aduan.events.ComplaintSnapshot;
import id.aduan.events.RoutingDecision;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built-in rules against a table of complaints (routing/cases.psv): the authority split for roads, schools and
 * health, every kabupaten/kota's own offices, outside bodies, other OPDs and triage.
 */
class RoutingCasesTest {

    private static final Router ROUTER = new Router(RuleSetLoader.fromClasspath(RuleSetLoader.BUILT_IN));

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (InputStream in = RoutingCasesTest.class.getResourceAsStream("/routing/cases.psv")) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\|");
                cases.add(Arguments.of(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip(), f[4].strip()));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} in {1}: {2} -> {3}")
    @MethodSource("cases")
    void routesByAuthority(String category, String region, String text, String opd, String rule) {
        Category known = Category.ofCode(category).orElse(Category.UNKNOWN);
        RoutingDecision decision = ROUTER.route(new ComplaintSnapshot("ADU-AAAA-BBBB-CCCC-DDDD", known, region, text,
                null, null, "api", OffsetDateTime.parse("2026-11-26T09:00:00+07:00")));

        assertThat(decision.opdCode()).isEqualTo(opd);
        assertThat(decision.ruleId()).isEqualTo(rule);
        assertThat(decision.explanation()).contains(decision.opdName());
        Opd target = ROUTER.rules().opd(opd);
        assertThat(decision.liaisonOpdCode()).isEqualTo(target.isOutside() ? target.liaison() : null);
        if (target.isOutside()) {
            assertThat(decision.explanation()).contains("Diteruskan dan dipantau melalui "
                    + ROUTER.rules().opd(target.liaison()).name());
        }
    }

    @Test
    void theTableIsLargeEnough() throws IOException {
        assertThat(cases().count()).isGreaterThanOrEqualTo(60);
    }

    @Test
    void everyKabupatenKotaHasItsOwnOfficesForRoadsSchoolsHealthAndRegistry() {
        for (String region : List.of("1701", "1702", "1703", "1704", "1705", "1706", "1707", "1708", "1709", "1771")) {
            for (String prefix : List.of("PUPR-", "DISDIK-", "DINKES-", "DUKCAPIL-")) {
                Opd office = ROUTER.rules().opd(prefix + region);
                assertThat(office).as(prefix + region).isNotNull();
                assertThat(office.level()).isEqualTo("regency");
                assertThat(office.region()).isEqualTo(region);
                assertThat(ROUTER.rules().opd(office.liaison()).isOutside()).isFalse();
            }
        }
    }

    @Test
    void keywordsAreWholeWords() {
        // "sd" must not be found in "sdm", nor "kk" in "kkn".
        RoutingDecision school = ROUTER.route(new ComplaintSnapshot("ADU-AAAA-BBBB-CCCC-DDDD", Category.SCHOOL, "1771",
                "kualitas sdm guru rendah", null, null, "api", OffsetDateTime.parse("2026-11-26T09:00:00+07:00")));
        assertThat(school.ruleId()).isEqualTo("school-province");
        RoutingDecision other = ROUTER.route(new ComplaintSnapshot("ADU-AAAA-BBBB-CCCC-DDDD", Category.OTHER, "1771",
                "mahasiswa kkn merusak taman", null, null, "api", OffsetDateTime.parse("2026-11-26T09:00:00+07:00")));
        assertThat(other.opdCode()).isEqualTo("TRIAGE");
    }
}
