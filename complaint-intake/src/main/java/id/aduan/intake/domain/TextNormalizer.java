package id.aduan.intake.domain;

import java.text.Normalizer;

/** Cleans free text from phones and chat apps before it is stored or published. */
public final class TextNormalizer {

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
        String cleaned = Normalizer.normalize(text, Normalizer.Form.NFC)
                .replace("\r\n", "\n").replace('\r', '\n')
                .replaceAll("[\\p{Cc}&&[^\\n\\t]]", "")
                .replaceAll("[\\t\\x{00A0}\\x{2000}-\\x{200B}\\x{3000} ]+", " ")
                .replaceAll(" *\\n *", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
        return cleaned.isEmpty() ? null : cleaned;
    }
}
