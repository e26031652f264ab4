package id.aduan.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.aduan.events.Category;
import id.aduan.events.ComplaintSnapshot;
import id.aduan.events.RoutingDecision;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built-in rules against a table of complaints (routing/cases.psv): the authority split for roads, schools and
 * health, every kabupaten/kota's own offices, outside bodies, other OPDs, triage, re-routing with its hop limit, and a
 * merger in the middle of the stream.
 */
class RoutingCasesTest {

    private static final Router ROUTER = new Router(RuleSetLoader.fromClasspath(RuleSetLoader.BUILT_IN));

    private static final LocalDate DEFAULT_DAY = LocalDate.parse("2026-11-26");
    private static final Pattern MERGE = Pattern.compile("@merge (\\S+) > (\\S+) (.+) on (\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern REJECTION = Pattern.compile(
            "rejected by (\\S+)(?: suggests (\\S+))? hop (\\d+)(?: tried (\\S+))?");

    /**
     * The table as a stream: a {@code @merge} line changes the directory for every case after it, as a merger does
     * under a running router.
     */
    static Stream<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        Router router = ROUTER;
        try (InputStream in = RoutingCasesTest.class.getResourceAsStream("/routing/cases.psv")) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                Matcher merge = MERGE.matcher(line);
                if (merge.matches()) {
                    router = merged(router, List.of(merge.group(1).split(",")), merge.group(2), merge.group(3),
                            LocalDate.parse(merge.group(4)));
                    continue;
                }
                String[] f = line.split("\\|");
                String rejection = f.length > 5 ? f[5].strip() : "";
                LocalDate day = f.length > 6 ? LocalDate.parse(f[6].strip()) : DEFAULT_DAY;
                cases.add(Arguments.of(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip(), f[4].strip(),
                        rejection, day, router));
            }
        }
        return cases.stream();
    }

    /** The directory after merging {@code from} into a new OPD on {@code day}. */
    static Router merged(Router router, List<String> from, String into, String name, LocalDate day) {
        RuleSet rules = router.rules();
        List<Opd> directory = new ArrayList<>();
        for (Opd opd : rules.opds()) {
            directory.add(from.contains(opd.code()) ? opd.endingOn(day, into) : opd);
        }
        directory.add(new Opd(into, name, Opd.PROVINCE, null, null, day, null, null));
        return new Router(rules.withOpds("merger in cases.psv", directory));
    }

    @ParameterizedTest(name = "{0} in {1}: {2} -> {3} {5} {6}")
    @MethodSource("cases")
    void routesByAuthority(String category, String region, String text, String opd, String rule, String rejection,
            LocalDate day, Router router) {
        Category known = Category.ofCode(category).orElse(Category.UNKNOWN);
        ComplaintSnapshot complaint = new ComplaintSnapshot("ADU-AAAA-BBBB-CCCC-DDDD", known, region, text, null, null,
                "api", OffsetDateTime.parse("2026-11-26T09:00:00+07:00"));
        RoutingDecision decision;
        if (rejection.isEmpty()) {
            decision = router.route(complaint, day);
            assertThat(decision.hop()).isEqualTo(1);
        } else {
            Matcher r = REJECTION.matcher(rejection);
            assertThat(r.matches()).as("rejection column: " + rejection).isTrue();
            List<String> tried = r.group(4) == null ? List.of(r.group(1)) : List.of(r.group(4).split(","));
            int hop = Integer.parseInt(r.group(3));
            decision = router.reroute(complaint, r.group(1), r.group(2), tried, hop, day);
            assertThat(decision.hop()).isEqualTo(hop + 1);
            assertThat(decision.previousOpdCode()).isEqualTo(r.group(1));
        }

        assertThat(decision.opdCode()).isEqualTo(opd);
        assertThat(decision.ruleId()).isEqualTo(rule);
        assertThat(decision.ruleVersion()).isEqualTo("2026.2");
        assertThat(decision.explanation()).contains(decision.opdName());
        Opd target = router.rules().opd(opd);
        assertThat(target.isActiveOn(day)).as(opd + " active on " + day).isTrue();
        assertThat(decision.liaisonOpdCode()).isEqualTo(target.isOutside() ? target.liaison() : null);
        if (target.isOutside()) {
            assertThat(decision.explanation()).contains("Diteruskan dan dipantau melalui "
                    + router.rules().opd(target.liaison()).name());
        }
    }

    @Test
    void aRuleNamingAMergedOpdSaysWhoNowDoesItsWork() {
        Router after = merged(ROUTER, List.of("DINSOS-PROV"), "DINSOSNAKER-PROV", "Dinas Sosial dan Naker",
                LocalDate.parse("2027-01-04"));
        RoutingDecision decision = after.route(new ComplaintSnapshot("ADU-AAAA-BBBB-CCCC-DDDD", Category.OTHER, "1705",
                "PKH dipotong", null, null, "api", OffsetDateTime.parse("2027-01-04T09:00:00+07:00")));
        assertThat(decision.opdCode()).isEqualTo("DINSOSNAKER-PROV");
        assertThat(decision.explanation()).contains("Tugas Dinas Sosial Provinsi Bengkulu kini dijalankan oleh "
                + "Dinas Sosial dan Naker");
    }

    @Test
    void mergersAndRetirementsThatStrandARuleAreRefused() {
        RuleSet rules = ROUTER.rules();
        List<Opd> retired = rules.opds().stream()
                .map(o -> o.code().equals("DLHK-PROV") ? o.endingOn(LocalDate.parse("2027-01-04"), null) : o).toList();
        assertThatThrownBy(() -> rules.withOpds("test", retired)).isInstanceOf(InvalidRuleSetException.class)
                .hasMessageContaining("rule other-environment: OPD DLHK-PROV stops on 2027-01-04 with no successor");
        List<Opd> loop = rules.opds().stream().map(o -> switch (o.code()) {
            case "DLHK-PROV" -> o.endingOn(LocalDate.parse("2027-01-04"), "DISHUB-PROV");
            case "DISHUB-PROV" -> o.endingOn(LocalDate.parse("2027-01-04"), "DLHK-PROV");
            default -> o;
        }).toList();
        assertThatThrownBy(() -> rules.withOpds("test", loop)).isInstanceOf(InvalidRuleSetException.class)
                .hasMessageContaining("its successors lead back to it");
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
