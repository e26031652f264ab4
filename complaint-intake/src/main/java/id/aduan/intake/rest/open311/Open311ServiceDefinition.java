package id.aduan.intake.rest.open311;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** GET services/{service_code}: the extra fields a service asks for. Aduan's categories ask for none. */
@Schema(name = "Open311ServiceDefinition")
@JacksonXmlRootElement(localName = "service_definition")
@JsonPropertyOrder({"service_code", "attributes"})
public record Open311ServiceDefinition(
        String serviceCode,
        @JacksonXmlElementWrapper(localName = "attributes")
        @JacksonXmlProperty(localName = "attribute")
        List<Attribute> attributes) {

    /** A field of the spec's service definition (kept for the schema; none is defined today). */
    @Schema(name = "Open311Attribute")
    @JsonPropertyOrder({"variable", "code", "datatype", "required", "datatype_description", "order", "description",
            "values"})
    public record Attribute(
            boolean variable,
            String code,
            String datatype,
            boolean required,
            String datatypeDescription,
            int order,
            String description,
            @JacksonXmlElementWrapper(localName = "values")
            @JacksonXmlProperty(localName = "value")
            List<Value> values) {
    }

    @Schema(name = "Open311AttributeValue")
    public record Value(String key, String name) {
    }
}
