package id.aduan.intake.rest.open311;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to POST requests: the tracking number, once the complaint is on Kafka. */
@Schema(name = "Open311Receipt")
@JsonPropertyOrder({"service_request_id", "service_notice", "account_id"})
public record Open311Receipt(
        @Schema(description = "The tracking number", examples = "ADU-7K3M-Q9PX-2D4F-H8RT") String serviceRequestId,
        String serviceNotice,
        @Schema(description = "Always empty: Aduan has no client accounts") String accountId) {

    @JacksonXmlRootElement(localName = "service_requests")
    public record Receipts(
            @JacksonXmlElementWrapper(useWrapping = false)
            @JacksonXmlProperty(localName = "request")
            List<Open311Receipt> requests) {
    }
}
