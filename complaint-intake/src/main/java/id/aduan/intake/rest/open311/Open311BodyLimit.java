package id.aduan.intake.rest.open311;

import id.aduan.support.rest.BodySizeLimit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The shared body size limit ({@code aduan.http.max-body-bytes}) for Open311, answered in the spec's error format:
 * the shared filter refuses before any resource is matched, so the resource's own mappers never see it. Runs just
 * before it, and only under /open311.
 */
@ApplicationScoped // created on first request, once runtime configuration exists
public class Open311BodyLimit {

    @Inject
    BodySizeLimit.Limits limits;

    @ServerRequestFilter(preMatching = true, priority = Priorities.USER - 1)
    public Response limit(ContainerRequestContext request, HttpHeaders headers) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/open311/") || request.getLength() <= limits.maxBodyBytes()) {
            return null;
        }
        return Open311Errors.of(Open311Exception.of(413, "open311.error.payload-too-large",
                String.valueOf(limits.maxBodyBytes())), headers, path);
    }
}
