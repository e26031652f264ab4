package id.aduan.support.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns each kind of failure a client can cause into RFC 9457 problem details in the client's language. There is
 * deliberately no mapper for {@link Exception}: an unexpected failure stays a logged 500, never a hidden one.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private static final Map<Integer, String> SLUG_BY_STATUS = Map.of(
            400, "bad-request",
            401, "unauthorized",
            403, "forbidden",
            404, "not-found",
            405, "method-not-allowed",
            406, "not-acceptable",
            409, "conflict",
            413, "payload-too-large",
            415, "unsupported-media-type",
            503, "service-unavailable");

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers, UriInfo uri) {
        if (e.getCause() != null) {
            LOG.warnf("%s: %s", e.slug(), e.getCause().toString());
        }
        Response.ResponseBuilder response = build(headers, uri, e.status(), e.slug(), e.errors(), e.args());
        if (e.retryAfterSeconds() != null) {
            response.header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds());
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        if (e.getConstraintViolations().stream().anyMatch(ProblemMappers::isReturnValue)) {
            // Our own output broke a constraint: a server bug, not the client's.
            throw new IllegalStateException("Response violates its constraints", e);
        }
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        return build(headers, uri, 400, "validation", errors).build();
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonParseException e, HttpHeaders headers, UriInfo uri) {
        JsonLocation at = e.getLocation();
        return build(headers, uri, 400, "malformed-json", List.of(),
                at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr()).build();
    }

    @ServerExceptionMapper
    public Response wrongShape(MismatchedInputException e, HttpHeaders headers, UriInfo uri) {
        return wrongField(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response wrongValue(InvalidFormatException e, HttpHeaders headers, UriInfo uri) {
        return wrongField(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response unmappableJson(JsonMappingException e, HttpHeaders headers, UriInfo uri) {
        return wrongField(e, headers, uri);
    }

    /** No token, or one that failed validation (expired, other issuer, bad signature, alg none). */
    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, HttpHeaders headers, UriInfo uri) {
        return build(headers, uri, 401, "unauthorized", List.of()).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpHeaders headers, UriInfo uri) {
        return build(headers, uri, 401, "unauthorized", List.of()).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    /** A valid token without the role the endpoint needs. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return build(headers, uri, 403, "forbidden", List.of()).build();
    }

    /** Protocol errors raised by JAX-RS itself: unknown path, wrong method, media type, body size. */
    @ServerExceptionMapper
    public Response http(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        // Quarkus REST wraps an unreadable body in a 400; the cause says what was wrong with it.
        if (e.getCause() instanceof JsonParseException parse) {
            return unreadableJson(parse, headers, uri);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return wrongField(mapping, headers, uri);
        }
        int status = e.getResponse().getStatus();
        if (status < 400) {
            return e.getResponse();
        }
        Response.ResponseBuilder response = build(headers, uri, status, SLUG_BY_STATUS.getOrDefault(status, "http"),
                List.of(), status);
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase(HttpHeaders.ALLOW) || name.equalsIgnoreCase(HttpHeaders.RETRY_AFTER)
                    || name.equalsIgnoreCase(HttpHeaders.WWW_AUTHENTICATE)) {
                values.forEach(v -> response.header(name, v));
            }
        });
        return response.build();
    }

    private Response wrongField(JsonMappingException e, HttpHeaders headers, UriInfo uri) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (field.isEmpty()) {
            return build(headers, uri, 400, "malformed-json", List.of(), 0, 0).build();
        }
        Locale locale = ProblemMessages.localeOf(headers);
        List<Problem.FieldError> errors = List.of(
                new Problem.FieldError(field, ProblemMessages.text(locale, "problem.field.wrong-type")));
        return build(headers, uri, 400, "validation", errors).build();
    }

    /** Problem details of a slug in the caller's language: for the mappers of a service's own exceptions. */
    public static Response.ResponseBuilder build(HttpHeaders headers, UriInfo uri, int status, String slug,
            List<Problem.FieldError> errors, Object... args) {
        Locale locale = ProblemMessages.localeOf(headers);
        Problem problem = new Problem(Problem.TYPE_PREFIX + slug, ProblemMessages.title(locale, slug), status,
                ProblemMessages.detail(locale, slug, args), uri == null ? null : "/" + uri.getPath().replaceFirst("^/", ""),
                errors);
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .language(locale)
                .entity(problem);
    }

    private static boolean isReturnValue(ConstraintViolation<?> violation) {
        return StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
                .anyMatch(node -> node.getKind() == ElementKind.RETURN_VALUE);
    }

    /**
     * {@code create.request.description} becomes {@code description} and {@code list.limit} becomes {@code limit}:
     * the client knows its own fields and parameters, not our method names.
     */
    static String fieldOf(Path path) {
        String full = path.toString();
        StringBuilder prefix = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                prefix.append(node.getName()).append('.');
            } else if (node.getKind() == ElementKind.PARAMETER && !full.equals(prefix + node.getName())) {
                prefix.append(node.getName()).append('.');
            } else {
                break;
            }
        }
        return full.startsWith(prefix.toString()) ? full.substring(prefix.length()) : full;
    }
}
