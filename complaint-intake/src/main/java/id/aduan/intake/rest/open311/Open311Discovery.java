package id.aduan.intake.rest.open311;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The service discovery document: where the GeoReport v2 endpoint is and what it speaks. */
@Schema(name = "Open311Discovery")
@JacksonXmlRootElement(localName = "discovery")
@JsonPropertyOrder({"changeset", "contact", "key_service", "endpoints"})
public record Open311Discovery(
        String changeset,
        String contact,
        String keyService,
        @JacksonXmlElementWrapper(localName = "endpoints")
        @JacksonXmlProperty(localName = "endpoint")
        List<Endpoint> endpoints) {

    public static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

    @Schema(name = "Open311Endpoint")
    @JsonPropertyOrder({"specification", "url", "changeset", "type", "formats"})
    public record Endpoint(
            String specification,
            String url,
            String changeset,
            String type,
            @JacksonXmlElementWrapper(localName = "formats")
            @JacksonXmlProperty(localName = "format")
            List<String> formats) {
    }
}
