package id.aduan.intake.rest.open311;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameters of an {@code application/x-www-form-urlencoded} body or a query string, read strictly: a broken
 * percent escape ({@code %zz}, {@code %4}) or bytes that are not UTF-8 are refused (400), never guessed at or
 * replaced. An empty value counts as absent (the spec's "optional arguments").
 */
public final class FormParameters {

    /** More than this many parameters is not a service request. */
    static final int MAX_PARAMETERS = 200;

    private final Map<String, List<String>> values;

    private FormParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    public static FormParameters parse(byte[] encoded) {
        return parse(encoded, 0, encoded == null ? 0 : encoded.length);
    }

    /** A raw (still percent-encoded) query string; {@code null} is no parameters. */
    public static FormParameters parseQuery(String rawQuery) {
        byte[] bytes = rawQuery == null ? new byte[0] : rawQuery.getBytes(StandardCharsets.ISO_8859_1);
        return parse(bytes, 0, bytes.length);
    }

    private static FormParameters parse(byte[] encoded, int from, int to) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        int count = 0;
        int start = from;
        while (start < to) {
            int end = indexOf(encoded, (byte) '&', start, to);
            if (end > start) {
                if (++count > MAX_PARAMETERS) {
                    throw Open311Exception.badRequest("open311.error.too-many-parameters");
                }
                int equals = indexOf(encoded, (byte) '=', start, end);
                String name = decode(encoded, start, equals);
                String value = equals < end ? decode(encoded, equals + 1, end) : "";
                values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
            start = end + 1;
        }
        return new FormParameters(values);
    }

    /** The value, or {@code null} when absent or blank; refused when given twice with different values. */
    public String single(String name) {
        List<String> given = values.getOrDefault(name, List.of()).stream().filter(v -> !v.isBlank()).toList();
        if (given.stream().distinct().count() > 1) {
            throw Open311Exception.badRequest("open311.error.duplicate", name);
        }
        return given.isEmpty() ? null : given.get(0);
    }

    /** Every non-blank value of a parameter given once or several times, each split at commas. */
    public List<String> commaSeparated(String name) {
        List<String> all = new ArrayList<>();
        for (String value : values.getOrDefault(name, List.of())) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    all.add(part.strip());
                }
            }
        }
        return all;
    }

    private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return to;
    }

    private static String decode(byte[] encoded, int from, int to) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = encoded[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                if (i + 2 >= to) {
                    throw Open311Exception.badRequest("open311.error.encoding");
                }
                int high = Character.digit(encoded[i + 1], 16);
                int low = Character.digit(encoded[i + 2], 16);
                if (high < 0 || low < 0) {
                    throw Open311Exception.badRequest("open311.error.encoding");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw Open311Exception.badRequest("open311.error.encoding");
        }
    }
}
