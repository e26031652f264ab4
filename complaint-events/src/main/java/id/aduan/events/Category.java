package id.aduan.events;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** What a complaint is about. The wire code is stable; labels are for people. */
public enum Category {
    ROAD("road", "Jalan rusak", "Damaged road"),
    SCHOOL("school", "Sekolah", "School"),
    HEALTH("health", "BPJS gratis / kesehatan", "Free BPJS / health"),
    OTHER("other", "Lainnya", "Other"),
    /** A code this reader does not know yet (written by a newer producer). */
    @JsonEnumDefaultValue
    UNKNOWN("unknown", "Tidak dikenal", "Unknown");

    private final String code;
    private final String labelId;
    private final String labelEn;

    Category(String code, String labelId, String labelEn) {
        this.code = code;
        this.labelId = labelId;
        this.labelEn = labelEn;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String label(boolean indonesian) {
        return indonesian ? labelId : labelEn;
    }

    /** The category a citizen may choose with this code; never {@link #UNKNOWN}. */
    public static Optional<Category> ofCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim().toLowerCase(java.util.Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c != UNKNOWN && c.code.equals(wanted)).findFirst();
    }
}
