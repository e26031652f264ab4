package id.aduan.intake.rest.webhook;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import id.aduan.support.problem.Problem;
import id.aduan.support.problem.ProblemException;
import id.aduan.support.problem.ProblemMessages;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads a verified webhook body. Whatever is not JSON of the expected shape is 400 problem details: a field of the
 * wrong type names the field, anything else (broken JSON, invalid UTF-8, numbers beyond a long, nesting too deep) is
 * malformed JSON. Never a 500.
 */
final class WebhookJson {

    private WebhookJson() {
    }

    static <T> T read(ObjectMapper json, byte[] body, Class<T> type, Locale locale) {
        T value;
        try {
            value = json.readValue(body, type);
        } catch (MismatchedInputException wrongField) {
            String field = fieldOf(wrongField);
            if (field.isEmpty()) {
                throw malformed(wrongField.getLocation());
            }
            throw ProblemException.invalid(List.of(new Problem.FieldError(field,
                    ProblemMessages.text(locale, "problem.field.wrong-type"))));
        } catch (JsonMappingException wrongShape) {
            throw malformed(wrongShape.getLocation());
        } catch (JsonProcessingException notJson) {
            throw malformed(notJson.getLocation());
        } catch (IOException unreadable) {
            throw malformed(null);
        }
        if (value == null) {
            throw malformed(null);
        }
        return value;
    }

    /** {@code message.chat.id}, {@code entry[0].changes}: the path as the platform names it. */
    private static String fieldOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static ProblemException malformed(JsonLocation at) {
        return new ProblemException(400, "malformed-json", at == null ? 0 : at.getLineNr(),
                at == null ? 0 : at.getColumnNr());
    }
}
