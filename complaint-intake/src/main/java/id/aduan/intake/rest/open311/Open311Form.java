package id.aduan.intake.rest.open311;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The form of POST requests, for the OpenAPI document only: the body is read by {@link FormParameters}, strictly.
 * Parameters the spec defines but Aduan does not use (jurisdiction_id, address_id, device_id, account_id,
 * attribute[...]) are accepted and ignored.
 */
@Schema(name = "Open311RequestForm", description = "application/x-www-form-urlencoded, UTF-8")
public record Open311Form(
        @Schema(name = "api_key", required = true, description = "The client's key") String apiKey,
        @Schema(name = "service_code", required = true, description = "road, school, health or other (GET services)",
                examples = "road") String serviceCode,
        @Schema(name = "lat", description = "WGS 84 latitude, inside Bengkulu; with long, or address_string instead",
                examples = "-3.7956") Double latitude,
        @Schema(name = "long", description = "WGS 84 longitude", examples = "102.2592") Double longitude,
        @Schema(name = "address_string", description = "Kecamatan, desa/kelurahan, street; at most 300 characters",
                examples = "Jl. Salak, Kel. Pasar Baru, Kota Bengkulu") String addressString,
        @Schema(name = "description", required = true, description = "10 to 4000 characters; HTML is removed",
                examples = "Jalan berlubang besar di depan pasar, membahayakan pengendara motor.") String description,
        @Schema(name = "email", description = "Personal data: kept by intake only, never published") String email,
        @Schema(name = "first_name", description = "Personal data: kept by intake only") String firstName,
        @Schema(name = "last_name", description = "Personal data: kept by intake only") String lastName,
        @Schema(name = "phone", description = "Indonesian mobile number; personal data, kept by intake only",
                examples = "081234567890") String phone,
        @Schema(name = "media_url", description = "http(s) URL of a photo; checked, not stored") String mediaUrl) {
}
