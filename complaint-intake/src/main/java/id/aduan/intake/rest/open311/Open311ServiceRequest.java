package id.aduan.intake.rest.open311;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A public service request of GET requests: what anyone may see of a complaint. Never personal data (no name,
 * phone or e-mail); rahasia complaints are never listed at all.
 */
@Schema(name = "Open311ServiceRequest")
@JsonPropertyOrder({"service_request_id", "status", "status_notes", "service_name", "service_code", "description",
        "agency_responsible", "service_notice", "requested_datetime", "updated_datetime", "expected_datetime",
        "address", "address_id", "zipcode", "lat", "long", "media_url"})
public record Open311ServiceRequest(
        @Schema(description = "The tracking number", examples = "ADU-7K3M-Q9PX-2D4F-H8RT") String serviceRequestId,
        @Schema(enumeration = {"open", "closed"}) String status,
        @Schema(description = "The OPD's latest public reply") String statusNotes,
        String serviceName,
        String serviceCode,
        String description,
        @Schema(description = "The OPD the complaint was routed to") String agencyResponsible,
        String serviceNotice,
        @Schema(examples = "2026-11-26T09:15:00+07:00") String requestedDatetime,
        String updatedDatetime,
        String expectedDatetime,
        String address,
        String addressId,
        String zipcode,
        Double lat,
        @JsonProperty("long") Double longitude,
        String mediaUrl) {

    /** The XML document: {@code <service_requests><request>...}; JSON is the bare array. */
    @JacksonXmlRootElement(localName = "service_requests")
    public record ServiceRequests(
            @JacksonXmlElementWrapper(useWrapping = false)
            @JacksonXmlProperty(localName = "request")
            List<Open311ServiceRequest> requests) {
    }
}
