package id.aduan.support.rest;

import id.aduan.support.problem.ProblemException;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses an over-long body before it is read, with 413 problem details, in every service that has a REST API. (A
 * chunked body without a length is bounded by quarkus.http.limits.max-body-size, which each service sets too.)
 */
@ApplicationScoped // created on first request, once runtime configuration exists
public class BodySizeLimit {

    @ConfigMapping(prefix = "aduan.http")
    public interface Limits {

        /** The largest request body the API accepts, in bytes. */
        @WithDefault("65536")
        long maxBodyBytes();

        /** Paths (exact) that take uploads, such as a form with a photo; they get {@link #maxUploadBytes()}. */
        Optional<Set<String>> uploadPaths();

        /** The largest body on an upload path, in bytes. */
        @WithDefault("6291456")
        long maxUploadBytes();
    }

    @Inject
    Limits limits;

    @ServerRequestFilter(preMatching = true)
    public void limit(ContainerRequestContext request) {
        boolean upload = limits.uploadPaths().map(p -> p.contains(request.getUriInfo().getPath())).orElse(false);
        if (request.getLength() > (upload ? limits.maxUploadBytes() : limits.maxBodyBytes())) {
            throw new ProblemException(413, "payload-too-large");
        }
    }
}
