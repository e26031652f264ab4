package id.aduan.intake.rest.open311;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.path.xml.XmlPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class Open311FormatTest {

    @Test
    void formatsByExtension() {
        assertThat(Open311Format.ofExtension(null)).contains(Open311Format.XML);
        assertThat(Open311Format.ofExtension("")).contains(Open311Format.XML);
        assertThat(Open311Format.ofExtension(".XML")).contains(Open311Format.XML);
        assertThat(Open311Format.ofExtension(".json")).contains(Open311Format.JSON);
        assertThat(Open311Format.ofExtension(".html")).isEmpty();
        assertThat(Open311Format.ofPath("/open311/v2/requests/ADU-X.json")).isEqualTo(Open311Format.JSON);
        assertThat(Open311Format.ofPath("/open311/v2/nothing")).isEqualTo(Open311Format.XML);
    }

    @Test
    void errorsAsTheSpecShowsThem() {
        List<Open311Error> errors = List.of(new Open311Error(400, "satu"), new Open311Error(400, "dua"));
        String xml = new String(Open311Format.XML.write(new Open311Error.Errors(errors), errors),
                StandardCharsets.UTF_8);
        assertThat(xml).isEqualTo("<?xml version='1.0' encoding='UTF-8'?><errors><error><code>400</code>"
                + "<description>satu</description></error><error><code>400</code><description>dua</description>"
                + "</error></errors>");
        String json = new String(Open311Format.JSON.write(new Open311Error.Errors(errors), errors),
                StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("[{\"code\":400,\"description\":\"satu\"},{\"code\":400,\"description\":\"dua\"}]");
    }

    /** A character XML 1.0 cannot carry must not fail a whole listing: it is replaced, the rest is kept. */
    @Test
    void textXmlCannotCarryIsReplaced() {
        String hostile = "a\u0001b\uFFFFc\uFFFEd\uD800e\uDC00f\u0000g <>&\"' \uD83D\uDE97\t\nh";
        List<Open311Error> errors = List.of(new Open311Error(400, hostile));
        byte[] xml = Open311Format.XML.write(new Open311Error.Errors(errors), errors);
        assertThat(new XmlPath(new String(xml, StandardCharsets.UTF_8)).getString("errors.error.description"))
                .isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg <>&\"' \uD83D\uDE97\t\nh");
        byte[] json = Open311Format.JSON.write(new Open311Error.Errors(errors), errors);
        assertThat(new JsonPath(new String(json, StandardCharsets.UTF_8)).getString("[0].description"))
                .startsWith("a\u0001b\uFFFFc");
        assertThat(Open311Format.xmlText("Jalan rusak")).isSameAs("Jalan rusak");
    }
}
