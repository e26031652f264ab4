package id.aduan.intake.rest.open311;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One error of the spec's error answer; {@code code} is the HTTP status. */
@Schema(name = "Open311Error")
@JsonPropertyOrder({"code", "description"})
public record Open311Error(int code, String description) {

    @JacksonXmlRootElement(localName = "errors")
    public record Errors(
            @JacksonXmlElementWrapper(useWrapping = false)
            @JacksonXmlProperty(localName = "error")
            List<Open311Error> errors) {
    }
}
