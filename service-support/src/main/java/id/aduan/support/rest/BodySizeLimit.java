package id.aduan.intake.rest;

import id.aduan.intake.config.IntakeConfig;
import id.aduan.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses an over-long JSON body before it is read, with 413 problem details. (A chunked body without a length
 * is bounded by quarkus.http.limits.max-body-size.)
 */
@ApplicationScoped // created on first request, once runtime configuration exists
public class BodySizeLimit {

    @Inject
    IntakeConfig config;

    @ServerRequestFilter(preMatching = true)
    public void limit(ContainerRequestContext request) {
        if (request.getLength() > config.maxJsonBodyBytes()) {
            throw new ProblemException(413, "payload-too-large");
        }
    }
}
