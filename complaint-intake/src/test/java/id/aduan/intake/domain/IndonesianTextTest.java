package id.aduan.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndonesianTextTest {

    @Test
    void spellsOutChatAbbreviationsAndShortensStretchedLetters() {
        assertThat(IndonesianText.words("Jln RUSAKKK yg di dpn RS!!")).containsExactly(
                "jalan", "rusak", "yang", "di", "depan", "rumah", "sakit");
    }

    @ParameterizedTest
    @CsvSource({"berlubang, lubang", "lubangnya, lubang", "perbaikan, perbaikan", "jalan, jalan",
        "ditolak, ditolak", "sekolah, sekolah", "longsor, longsor", "diangkut, angkut"})
    void stemsTheCommonAffixes(String word, String stem) {
        assertThat(IndonesianText.stem(word)).isEqualTo(stem);
    }

    @Test
    void measuresTyposWithTranspositions() {
        assertThat(IndonesianText.distance("kepahiang", "kepahyang", 2)).isEqualTo(1);
        assertThat(IndonesianText.distance("lebong", "lebnog", 2)).isEqualTo(1);
        assertThat(IndonesianText.distance("seluma", "kaur", 2)).isEqualTo(3);
    }
}
