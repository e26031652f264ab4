package id.aduan.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class ProblemMessagesTest {

    @Test
    void indonesianIsTheDefaultAndEnglishIsAvailable() {
        assertThat(ProblemMessages.title(ProblemMessages.INDONESIAN, "validation")).isEqualTo("Data tidak valid");
        assertThat(ProblemMessages.title(Locale.ENGLISH, "validation")).isEqualTo("Invalid data");
        assertThat(ProblemMessages.localeOf(null)).isEqualTo(ProblemMessages.INDONESIAN);
    }

    @Test
    void detailsAreFormattedWithTheirArguments() {
        assertThat(ProblemMessages.detail(Locale.ENGLISH, "malformed-json", 3, 14)).contains("line 3, column 14");
        assertThat(ProblemMessages.detail(ProblemMessages.INDONESIAN, "http", 418)).contains("418");
    }

    @Test
    void bothLanguagesHaveTheSameKeys() {
        ResourceBundle.Control exact = ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES);
        ResourceBundle id = ResourceBundle.getBundle("id.aduan.support.problem.Messages",
                ProblemMessages.INDONESIAN, exact);
        ResourceBundle en = ResourceBundle.getBundle("id.aduan.support.problem.Messages", Locale.ENGLISH, exact);
        assertThat(id.keySet()).isEqualTo(en.keySet()).isNotEmpty();
    }
}
