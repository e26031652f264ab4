package id.aduan.support.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * An RFC 9457 problem details document, served as {@value #MEDIA_TYPE}.
 *
 * @param type     identifies the kind of problem ({@code urn:aduan:problem:<slug>})
 * @param title    a short summary in the reader's language
 * @param status   the HTTP status code
 * @param detail   this occurrence, in the reader's language
 * @param instance the request path it happened on
 * @param errors   for invalid input: which field and what is wrong with it
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:aduan:problem:";

    /** One invalid field: its JSON path and the message for a person. */
    public record FieldError(String field, String message) {
    }
}
