package id.aduan.events;

import java.util.List;

/**
 * A kabupaten/kota, by its Kemendagri code: the {@code regionCode} of every event.
 *
 * @param aliases other names citizens write for it
 */
public record Region(String code, String name, List<String> aliases) {

    public Region {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
