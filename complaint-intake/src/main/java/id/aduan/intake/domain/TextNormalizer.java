package id.aduan.intake.domain;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Cleans free text from phones and chat apps before it is stored or published. */
public final class TextNormalizer {

    // Compiled once: every submission and chat message passes here (String.replaceAll compiles on each call).
    private static final Pattern CONTROLS = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");
    private static final Pattern SPACES = Pattern.compile("[\\t\\x{00A0}\\x{2000}-\\x{200B}\\x{3000} ]+");
    private static final Pattern AROUND_NEWLINE = Pattern.compile(" *\\n *");
    private static final Pattern EMPTY_LINES = Pattern.compile("\\n{3,}");

    private TextNormalizer() {
    }

    /**
     * Unicode NFC, no control characters, runs of spaces collapsed, at most one empty line in a row, trimmed.
     * Returns {@code null} for {@code null} or blank input.
     */
    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        String lines = Normalizer.normalize(text, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n');
        String spaced = SPACES.matcher(CONTROLS.matcher(lines).replaceAll("")).replaceAll(" ");
        String cleaned = EMPTY_LINES.matcher(AROUND_NEWLINE.matcher(spaced).replaceAll("\n")).replaceAll("\n\n")
                .strip();
        return cleaned.isEmpty() ? null : cleaned;
    }
}
