package id.aduan.intake.rest.open311;

import id.aduan.support.problem.ProblemMessages;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;

/** Errors in the spec's format ({@code <errors><error><code/><description/>}), in Bahasa Indonesia or English. */
public final class Open311Errors {

    private Open311Errors() {
    }

    /** The answer to a refused request; the format follows the path's extension (XML unless it asked for JSON). */
    public static Response of(Open311Exception e, HttpHeaders headers, String path) {
        Locale locale = localeOf(headers);
        List<Open311Error> errors = e.messages().stream()
                .map(m -> new Open311Error(e.status(), text(locale, m))).toList();
        Open311Format format = Open311Format.ofPath(path);
        Response.ResponseBuilder response = Response.status(e.status())
                .header(HttpHeaders.CONTENT_TYPE, format.contentType())
                .language(locale)
                .entity(format.write(new Open311Error.Errors(errors), errors));
        if (e.retryAfterSeconds() != null) {
            response.header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds());
        }
        return response.build();
    }

    /**
     * The caller's language as {@link ProblemMessages#localeOf} chooses it; Indonesian when the Accept-Language header
     * cannot be read at all (a malformed header must not turn a refusal into a 500).
     */
    public static Locale localeOf(HttpHeaders headers) {
        try {
            return ProblemMessages.localeOf(headers);
        } catch (WebApplicationException | IllegalArgumentException unreadable) {
            return ProblemMessages.INDONESIAN;
        }
    }

    /** The text of a message key in the language, its arguments filled in. */
    public static String text(Locale locale, Open311Exception.Message message) {
        String pattern = ProblemMessages.text(locale, message.key());
        return new MessageFormat(pattern, locale).format(message.args().toArray());
    }
}
