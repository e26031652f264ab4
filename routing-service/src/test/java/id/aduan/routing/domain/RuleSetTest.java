package id.aduan.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleSetTest {

    private static final List<Opd> OPDS = List.of(new Opd("A", "Dinas A"), new Opd("T", "Triage"));

    @Test
    void aCategoryLeftWithoutAnOpdIsRefusedWithAClearMessage() {
        List<Rule> noSchool = List.of(
                new Rule("r", "road", "*", "A", "x"),
                new Rule("h", "health", "*", "A", "x"),
                new Rule("o", "other", "*", "T", "x"),
                new Rule("s", "school", "1771", "A", "only the city"));

        assertThatThrownBy(() -> RuleSet.of("test", "1", "T", OPDS, noSchool))
                .isInstanceOf(InvalidRuleSetException.class)
                .hasMessageContaining("category 'school' has no OPD in Kabupaten Kepahiang")
                .satisfies(e -> assertThat(((InvalidRuleSetException) e).reasons()).hasSize(9));
    }

    @Test
    void everyOtherMistakeIsListedAtOnce() {
        List<Rule> rules = List.of(
                new Rule("r", "road", "*", "NOPE", "x"),
                new Rule("r", "flood", "*", "A", "x"),
                new Rule("z", "other", "9999", "A", "x"));

        assertThatThrownBy(() -> RuleSet.of("test", " ", "MISSING", OPDS, rules))
                .isInstanceOf(InvalidRuleSetException.class)
                .satisfies(e -> assertThat(((InvalidRuleSetException) e).reasons()).containsExactlyInAnyOrder(
                        "version is missing",
                        "triage OPD 'MISSING' is not among the OPDs",
                        "rule r: unknown OPD 'NOPE'",
                        "rule id missing or repeated: r",
                        "rule r: unknown category 'flood'",
                        "rule z: unknown region '9999'"));
    }

    @Test
    void aFileThatIsNotRulesIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, "version: 1\nrules: [ {id: a, colour: red} ]\n");

        assertThatThrownBy(() -> RuleSetLoader.fromFile(file))
                .isInstanceOf(InvalidRuleSetException.class)
                .hasMessageContaining("not a valid rules file");
    }
}
