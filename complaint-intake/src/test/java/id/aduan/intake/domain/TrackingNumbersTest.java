package id.aduan.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrackingNumbersTest {

    @Test
    void numbersAreReadableAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String number = TrackingNumbers.next();
            assertThat(number).matches("ADU(-[0-9A-HJKMNP-TV-Z]{4}){4}");
            assertThat(seen.add(number)).as("repeated %s", number).isTrue();
        }
    }

    @Test
    void whatACitizenTypesIsReadBack() {
        String number = TrackingNumbers.next();
        String typed = number.toLowerCase().replace("-", " ");
        assertThat(TrackingNumbers.canonical(typed)).contains(number);
        assertThat(TrackingNumbers.canonical(number.substring(4).replace("-", ""))).contains(number);
        assertThat(TrackingNumbers.canonical("adu-oooo-iiii-llll-0000")).contains("ADU-0000-1111-1111-0000");
    }

    @Test
    void garbageIsNoNumber() {
        assertThat(TrackingNumbers.canonical(null)).isEmpty();
        assertThat(TrackingNumbers.canonical("ADU-1234")).isEmpty();
        assertThat(TrackingNumbers.canonical("ADU-UUUU-1111-1111-0000")).isEmpty();
        assertThat(TrackingNumbers.canonical("'; drop table x; --")).isEmpty();
    }
}
