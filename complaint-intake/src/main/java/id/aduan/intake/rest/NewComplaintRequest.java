package id.aduan.intake.rest;

import id.aduan.events.Location;
import id.aduan.intake.domain.ComplaintDraft;
import id.aduan.intake.domain.HtmlText;
import id.aduan.intake.domain.TextNormalizer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A complaint as a client sends it. Text is normalized as it is read, so the limits apply to what is stored.
 */
@Schema(name = "NewComplaint", description = "Sebuah pengaduan baru / a new complaint")
public record NewComplaintRequest(
        @Schema(description = "Kategori: road, school, health, other. Tanpa kategori, dibaca dari isi pengaduan; "
                + "yang kurang jelas diperiksa petugas (triage).", examples = "road")
        @KnownCategory
        String category,

        @Schema(description = "Isi pengaduan, 10-4000 karakter", required = true,
                examples = "Jalan di depan SDN 5 berlubang besar dan membahayakan pengendara motor.")
        @NotBlank(message = "{complaint.description.required}")
        @Size(min = 10, max = 4000, message = "{complaint.description.size}")
        String description,

        @Schema(description = "Kabupaten/kota: kode Kemendagri atau nama. Tanpa ini, dibaca dari lokasi, alamat atau "
                + "isi pengaduan.", examples = "1771")
        @KnownRegion
        String region,

        @Schema(description = "Kecamatan, desa/kelurahan atau alamat", examples = "Kec. Gading Cempaka, Jl. Salak")
        @Size(max = 300, message = "{complaint.address.size}")
        String address,

        @Valid
        LocationInput location,

        @Valid
        ReporterInput reporter,

        @Schema(description = "Anonim: OPD staff never see the reporter's contact")
        Boolean anonymous,

        @Schema(description = "Rahasia: the complaint is never shown publicly")
        Boolean confidential) {

    public NewComplaintRequest {
        category = TextNormalizer.normalize(category);
        description = TextNormalizer.normalize(HtmlText.strip(description));
        region = TextNormalizer.normalize(HtmlText.strip(region));
        address = TextNormalizer.normalize(HtmlText.strip(address));
    }

    /** A point, which must lie in Indonesia. */
    @Schema(name = "Location")
    public record LocationInput(
            @Schema(examples = "-3.7956")
            @NotNull(message = "{complaint.location.required}")
            @DecimalMin(value = "-11.5", message = "{complaint.location.outside}")
            @DecimalMax(value = "6.5", message = "{complaint.location.outside}")
            Double latitude,

            @Schema(examples = "102.2592")
            @NotNull(message = "{complaint.location.required}")
            @DecimalMin(value = "94.5", message = "{complaint.location.outside}")
            @DecimalMax(value = "141.5", message = "{complaint.location.outside}")
            Double longitude) {
    }

    /** How to reach the reporter. Stored by intake only; never published, never shown publicly. */
    @Schema(name = "Reporter")
    public record ReporterInput(
            @Size(max = 100, message = "{complaint.reporter.name.size}")
            String name,

            @Schema(description = "Nomor HP Indonesia", examples = "081234567890")
            @Pattern(regexp = "^(\\+62|62|0)8[0-9]{7,12}$", message = "{complaint.reporter.phone.invalid}")
            String phone,

            @Email(message = "{complaint.reporter.email.invalid}")
            @Size(max = 254, message = "{complaint.reporter.email.invalid}")
            String email) {

        public ReporterInput {
            name = TextNormalizer.normalize(name);
            phone = phone == null ? null : phone.replaceAll("[\\s().-]", "");
            email = TextNormalizer.normalize(email);
        }

        /** Phones are kept as +62...: one person, one form. */
        String canonicalPhone() {
            if (phone == null || phone.isEmpty()) {
                return null;
            }
            return phone.startsWith("+") ? phone : phone.startsWith("62") ? "+" + phone : "+62" + phone.substring(1);
        }

        @Override
        public String toString() {
            return "ReporterInput[redacted]";
        }
    }

    public Location point() {
        return location == null ? null : new Location(location.latitude(), location.longitude());
    }

    public ComplaintDraft.ReporterContact reporterContact() {
        return reporter == null ? null
                : new ComplaintDraft.ReporterContact(reporter.name(), reporter.canonicalPhone(), reporter.email());
    }
}
