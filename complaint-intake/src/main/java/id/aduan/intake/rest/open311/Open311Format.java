package id.aduan.intake.rest.open311;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.ser.ToXmlGenerator;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * The two formats of the GeoReport v2 answers, chosen as the spec does by the resource's extension
 * ({@code services.xml}, {@code requests/ADU-....json}); no extension means XML, the spec's required format.
 * XML documents have a root element (services, service_requests, errors...); their JSON twins are the bare
 * arrays or objects the spec shows.
 */
public enum Open311Format {

    XML("text/xml; charset=utf-8"),
    JSON("application/json; charset=utf-8");

    private final String contentType;

    Open311Format(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    /**
     * The format of an extension as the path template captured it ({@code ""}, {@code ".xml}, {@code ".json"});
     * empty for any other.
     */
    public static Optional<Open311Format> ofExtension(String extension) {
        if (extension == null || extension.isEmpty()) {
            return Optional.of(XML);
        }
        return switch (extension.toLowerCase(Locale.ROOT)) {
            case ".xml" -> Optional.of(XML);
            case ".json" -> Optional.of(JSON);
            default -> Optional.empty();
        };
    }

    /** The format an error about this path is written in: JSON when the path asked for it, else XML. */
    public static Open311Format ofPath(String path) {
        return path != null && path.toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : XML;
    }

    /**
     * @param xmlDocument the document with its root element, for XML
     * @param json        the value the spec shows in JSON (often the list inside the XML root)
     */
    public byte[] write(Object xmlDocument, Object json) {
        try {
            return this == XML ? Mappers.XML.writeValueAsBytes(xmlDocument) : Mappers.JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an Open311 " + name() + " answer", e);
        }
    }

    /**
     * Text as XML 1.0 can carry it: a character it cannot (a control character, U+FFFE, U+FFFF, a lone surrogate),
     * which may come from any door or from an OPD's reply, becomes U+FFFD instead of failing the whole answer.
     */
    static String xmlText(String text) {
        StringBuilder safe = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean valid = pair || c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD);
            if (!valid && safe == null) {
                safe = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (safe != null) {
                if (pair) {
                    safe.append(c).append(text.charAt(i + 1));
                } else {
                    safe.append(valid ? c : '\uFFFD');
                }
            }
            if (pair) {
                i++;
            }
        }
        return safe == null ? text : safe.toString();
    }

    private static final class XmlTextSerializer extends StdScalarSerializer<String> {
        XmlTextSerializer() {
            super(String.class);
        }

        @Override
        public void serialize(String value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(xmlText(value));
        }
    }

    /** Field names in the spec's snake_case; nulls kept (empty elements in XML), as in the spec's examples. */
    private static final class Mappers {
        static final XmlMapper XML = XmlMapper.builder()
                .enable(ToXmlGenerator.Feature.WRITE_XML_DECLARATION)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(new SimpleModule("open311-xml-text").addSerializer(String.class, new XmlTextSerializer()))
                .build();
        static final ObjectMapper JSON = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .build();
    }
}
