package id.aduan.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The Open311 GeoReport v2 door ({@code aduan.intake.open311.*}); see docs/open311.md. */
@ConfigMapping(prefix = "aduan.intake.open311")
public interface Open311Config {

    /**
     * The keys that may POST service requests, comma separated (one per client, e.g. a FixMyStreet instance).
     * None configured: every POST is refused with 403. Reading is public and needs no key.
     */
    Optional<List<String>> apiKeys();

    /** Discovery's {@code contact}: who answers client developers. */
    @WithDefault("Tim Aduan Provinsi Bengkulu, Diskominfo Provinsi Bengkulu")
    String contact();

    /** Discovery's {@code key_service}: how a client gets an api_key. */
    @WithDefault("Kunci API (api_key) diberikan oleh admin Aduan atas permintaan resmi kepada Diskominfo Provinsi "
            + "Bengkulu.")
    String keyService();

    /** Discovery's {@code changeset}: when this endpoint's documents last changed (W3C datetime). */
    @WithDefault("2026-11-26T00:00:00+07:00")
    String changeset();

    /** GET requests: the default date window, and the longest one a client may ask for (the spec's 90 days). */
    @WithDefault("90d")
    Duration window();

    /** GET requests: the most requests one answer lists (the spec's 1000); FixMyStreet's {@code limit} may lower it. */
    @WithDefault("1000")
    int maxResults();
}
