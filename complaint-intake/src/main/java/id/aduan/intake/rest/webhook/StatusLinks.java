package id.aduan.intake.rest.webhook;

import id.aduan.intake.config.IntakeConfig;
import id.aduan.intake.rest.ComplaintResource;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

/** Where a citizen reads the status of a complaint: the REST door's status page. */
final class StatusLinks {

    private StatusLinks() {
    }

    /** The status page address without the tracking number, ending in "/". */
    static String base(IntakeConfig config, UriInfo uri) {
        UriBuilder base = config.publicBaseUrl().map(UriBuilder::fromUri).orElseGet(uri::getBaseUriBuilder);
        return base.path(ComplaintResource.class).build().toString().replaceFirst("/?$", "/");
    }
}
