package id.aduan.support.problem;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Texts of problem details in Bahasa Indonesia (the default) or English. A service may add or override keys in
 * its own {@code problems_id.properties} and {@code problems_en.properties}; this module's bundle is the fallback.
 */
public final class ProblemMessages {

    public static final Locale INDONESIAN = Locale.forLanguageTag("id");
    public static final List<Locale> SUPPORTED = List.of(INDONESIAN, Locale.ENGLISH);

    private static final String SERVICE_BUNDLE = "problems";
    private static final String SHARED_BUNDLE = "id.aduan.support.problem.Messages";
    private static final ResourceBundle.Control EXACT =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private ProblemMessages() {
    }

    /** The first supported language of an Accept-Language header, or Indonesian. */
    public static Locale localeOfHeader(String acceptLanguage) {
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
                if (best != null) {
                    return best;
                }
            } catch (IllegalArgumentException e) {
                return INDONESIAN;
            }
        }
        return INDONESIAN;
    }

    /** The first supported language the caller accepts, or Indonesian. */
    public static Locale localeOf(HttpHeaders headers) {
        if (headers != null) {
            List<Locale> acceptable;
            try {
                acceptable = headers.getAcceptableLanguages();
            } catch (RuntimeException malformed) {
                // "en;q=abc": a header we cannot read chooses nothing.
                return INDONESIAN;
            }
            for (Locale wanted : acceptable) {
                for (Locale supported : SUPPORTED) {
                    if (supported.getLanguage().equals(wanted.getLanguage())) {
                        return supported;
                    }
                }
            }
        }
        return INDONESIAN;
    }

    public static String title(Locale locale, String slug) {
        return text(locale, "problem." + slug + ".title");
    }

    /** The formatted detail, or {@code null} when the slug has none. */
    public static String detail(Locale locale, String slug, Object... args) {
        String pattern = textOrNull(locale, "problem." + slug + ".detail");
        return pattern == null ? null : new MessageFormat(pattern, locale).format(args);
    }

    public static String text(Locale locale, String key) {
        String text = textOrNull(locale, key);
        return text != null ? text : key;
    }

    private static String textOrNull(Locale locale, String key) {
        for (String bundle : List.of(SERVICE_BUNDLE, SHARED_BUNDLE)) {
            try {
                ResourceBundle messages = ResourceBundle.getBundle(bundle, locale,
                        Thread.currentThread().getContextClassLoader(), EXACT);
                if (messages.containsKey(key)) {
                    return messages.getString(key);
                }
            } catch (MissingResourceException noSuchBundle) {
                // The service has no bundle of its own: use the shared one.
            }
        }
        return null;
    }
}
