package id.aduan.sla.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Working days to resolve, by class, per category and per OPD: the most specific rule wins. */
class SlaPoliciesTest {

    private static final SlaPolicies BUILT_IN = SlaPolicies.fromClasspath();

    @Test
    void theMostSpecificRuleWins() {
        assertThat(BUILT_IN.resolutionDays("health", "DINKES-PROV")).isEqualTo(5);
        assertThat(BUILT_IN.classOf("health", "DINKES-PROV")).isEqualTo("normatif");
        assertThat(BUILT_IN.resolutionDays("road", "DPUPR-PROV")).isEqualTo(14);
        assertThat(BUILT_IN.resolutionDays("road", "BPJN-BENGKULU")).isEqualTo(60);
        // An OPD rule beats a category rule.
        SlaPolicies policies = SlaPolicies.of("test", "t.1", Map.of("a", 5, "b", 14, "c", 60), "a", List.of(
                new SlaPolicies.Rule("road", null, "b"), new SlaPolicies.Rule(null, "BPBD-PROV", "c")));
        assertThat(policies.resolutionDays("road", "BPBD-PROV")).isEqualTo(60);
        assertThat(policies.resolutionDays("road", "DPUPR-PROV")).isEqualTo(14);
        assertThat(policies.resolutionDays("other", "DLHK-PROV")).isEqualTo(5);
    }

    @Test
    void anInvalidPolicySetIsRefusedWithEveryReason() {
        assertThatThrownBy(() -> SlaPolicies.of("test", "t.2", Map.of("a", 0), "x", List.of(
                new SlaPolicies.Rule("jalan", null, "a"), new SlaPolicies.Rule(null, null, "z"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("class a: working days must be 1 to 365, not 0")
                .hasMessageContaining("default class 'x' is not among the classes")
                .hasMessageContaining("rule 1: unknown category 'jalan'")
                .hasMessageContaining("rule 2: unknown class 'z'")
                .hasMessageContaining("rule 2: names neither a category nor an OPD");
    }
}
