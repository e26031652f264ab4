package id.aduan.sla.domain;

import java.time.LocalDate;

/**
 * A day on which government offices are closed.
 *
 * @param kind   a national holiday ({@code libur}) or collective leave ({@code cuti-bersama}): both stop the clocks
 * @param source the decree it comes from (the SKB 3 Menteri of its year)
 */
public record Holiday(LocalDate date, Kind kind, String name, String source) {

    public enum Kind {
        LIBUR("libur"), CUTI_BERSAMA("cuti-bersama");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Kind ofCode(String code) {
            for (Kind kind : values()) {
                if (kind.code.equals(code)) {
                    return kind;
                }
            }
            return null;
        }
    }
}
