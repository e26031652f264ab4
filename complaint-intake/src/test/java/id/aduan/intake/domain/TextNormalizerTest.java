package id.aduan.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void collapsesWhatPhonesAndChatAppsAdd() {
        assertThat(TextNormalizer.normalize("  jln   rusak\u00a0parah\t\tdi  km 5 \r\n\r\n\r\n\r\nsudah 3 bln  "))
                .isEqualTo("jln rusak parah di km 5\n\nsudah 3 bln");
        assertThat(TextNormalizer.normalize("a\u0000b\u0007c")).isEqualTo("abc");
        assertThat(TextNormalizer.normalize("Cafe\u0301")).isEqualTo("Caf\u00e9");
    }

    @Test
    void blankIsNothing() {
        assertThat(TextNormalizer.normalize(null)).isNull();
        assertThat(TextNormalizer.normalize(" \n\t ")).isNull();
    }
}
