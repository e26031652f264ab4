package id.aduan.intake.rest.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormParametersTest {

    @Test
    void readsPercentEscapesPlusSignsAndUtf8() {
        FormParameters form = FormParameters.parse(("description=Jalan+rusak%2C+bahaya%21&address_string=Kel.%20Pasar"
                + "%20Baru&name=S%C3%A9na&empty=&bare&lat=-3.79").getBytes(StandardCharsets.US_ASCII));
        assertThat(form.single("description")).isEqualTo("Jalan rusak, bahaya!");
        assertThat(form.single("address_string")).isEqualTo("Kel. Pasar Baru");
        assertThat(form.single("name")).isEqualTo("Séna");
        assertThat(form.single("empty")).isNull();
        assertThat(form.single("bare")).isNull();
        assertThat(form.single("absent")).isNull();
        assertThat(form.single("lat")).isEqualTo("-3.79");
    }

    @Test
    void rawUtf8BytesAreReadToo() {
        assertThat(FormParameters.parse("description=Séna".getBytes(StandardCharsets.UTF_8)).single("description"))
                .isEqualTo("Séna");
    }

    @Test
    void theSameValueTwiceIsOneValueButTwoValuesAreRefused() {
        assertThat(FormParameters.parse("a=1&a=1&a=".getBytes()).single("a")).isEqualTo("1");
        assertThatThrownBy(() -> FormParameters.parse("a=1&a=2".getBytes()).single("a"))
                .isInstanceOfSatisfying(Open311Exception.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void commaSeparatedValuesOfRepeatedParameters() {
        FormParameters query = FormParameters.parseQuery("status=open,%20closed&status=&status=open,,x");
        assertThat(query.commaSeparated("status")).containsExactly("open", "closed", "open", "x");
        assertThat(FormParameters.parseQuery(null).commaSeparated("status")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=%zz", "a=%4", "a=%", "a=1%", "%zz=1", "a=%C3%28", "a=%C0%AF", "a=%ED%A0%80", "a=%FF"})
    void brokenEscapesAndInvalidUtf8AreRefused(String encoded) {
        assertThatThrownBy(() -> FormParameters.parse(encoded.getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOfSatisfying(Open311Exception.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.messages()).extracting(Open311Exception.Message::key)
                            .containsExactly("open311.error.encoding");
                });
    }

    @Test
    void rawBytesThatAreNotUtf8AreRefused() {
        byte[] latin1 = "a=Caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> FormParameters.parse(latin1)).isInstanceOf(Open311Exception.class);
    }

    @Test
    void atMost200Parameters() {
        assertThat(FormParameters.parse("x=1&".repeat(200).getBytes()).commaSeparated("x")).hasSize(200);
        assertThatThrownBy(() -> FormParameters.parse("x=1&".repeat(201).getBytes()))
                .isInstanceOf(Open311Exception.class);
    }
}
