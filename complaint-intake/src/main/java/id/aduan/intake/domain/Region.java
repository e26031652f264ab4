package id.aduan.intake.domain;

import java.util.List;

/** A kabupaten/kota, by its Kemendagri code. */
public record Region(String code, String name, List<String> aliases) {

    public Region {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
