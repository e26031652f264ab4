package id.aduan.intake.rest.open311;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One service type of GET services: an Aduan category. */
@Schema(name = "Open311Service")
@JsonPropertyOrder({"service_code", "service_name", "description", "metadata", "type", "keywords", "group"})
public record Open311Service(
        @Schema(examples = "road") String serviceCode,
        @Schema(examples = "Jalan rusak") String serviceName,
        String description,
        @Schema(description = "false: no service definition attributes are needed") boolean metadata,
        @Schema(examples = "realtime") String type,
        String keywords,
        String group) {

    /** The XML document: {@code <services><service>...}; JSON is the bare array. */
    @JacksonXmlRootElement(localName = "services")
    public record Services(
            @JacksonXmlElementWrapper(useWrapping = false)
            @JacksonXmlProperty(localName = "service")
            List<Open311Service> services) {
    }
}
