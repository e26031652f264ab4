package id.aduan.support.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.aduan.support.problem.Problem;
import id.aduan.support.problem.ProblemMessages;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;
import java.util.Locale;
import java.util.Map;

/**
 * A client error that surfaces before any JAX-RS mapper can see it (Quarkus REST's multipart parser throws a
 * WebApplicationException on an oversized part, an IOException on a truncated body) would reach the default
 * handler and become a 500. This failure
 * handler answers it as what it is: its 4xx status, as problem details.
 */
@ApplicationScoped
public class LateClientErrors {

    private static final Map<Integer, String> SLUGS = Map.of(400, "bad-request", 413, "payload-too-large",
            415, "unsupported-media-type");

    private final ObjectMapper json = new ObjectMapper();

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    /** A multipart body that ends before its closing boundary: the client's mistake, not ours. */
    private static boolean isTruncatedMultipart(Throwable failure) {
        return failure instanceof java.io.IOException && String.valueOf(failure.getMessage()).contains("multipart");
    }

    private void handle(RoutingContext context) {
        Throwable failure = context.failure();
        int status = failure instanceof WebApplicationException web ? web.getResponse().getStatus()
                : isTruncatedMultipart(failure) ? 400 : -1;
        if (status < 400 || status > 499 || context.response().headWritten()) {
            context.next();
            return;
        }
        Locale locale = ProblemMessages.localeOfHeader(context.request().getHeader("Accept-Language"));
        String slug = SLUGS.getOrDefault(status, "bad-request");
        Problem problem = new Problem(Problem.TYPE_PREFIX + slug, ProblemMessages.title(locale, slug), status,
                ProblemMessages.detail(locale, slug), context.normalizedPath(), java.util.List.of());
        try {
            context.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Content-Language", locale.toLanguageTag()).end(json.writeValueAsString(problem));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            context.next();
        }
    }
}
