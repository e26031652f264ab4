package id.aduan.intake.rest;

import id.aduan.intake.domain.RateLimits;
import id.aduan.support.problem.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * 429 with Retry-After once a client IP has used up its bucket. Writes count (a POST submits a complaint); reads are
 * cheap and cached by the read model, so only writes are limited. The door is the first path segment: form, api or
 * open311. The IP is the one a trusted proxy forwarded (quarkus.http.proxy.*).
 */
@Provider
@RateLimited
public class RateLimitFilter implements ContainerRequestFilter {

    @Inject
    RateLimits limits;

    @Context
    HttpServerRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        if (!HttpMethod.POST.equals(context.getMethod())) {
            return;
        }
        String path = context.getUriInfo().getPath();
        String door = path.startsWith("/open311") ? "open311" : path.startsWith("/api") ? "api" : "form";
        String client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        limits.take(door, client).ifPresent(seconds -> {
            throw ProblemException.tooManyRequests(seconds);
        });
    }
}
