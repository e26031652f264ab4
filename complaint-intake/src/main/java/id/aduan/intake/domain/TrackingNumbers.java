package id.aduan.intake.domain;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Tracking numbers such as {@code ADU-7H3K-9QXM-2WPF-4RTB}: 80 random bits in Crockford's base 32, which has no
 * I, L, O or U, so a citizen can read one aloud or type it on a phone. Unguessable: a status page cannot be found by
 * trying numbers.
 */
public final class TrackingNumbers {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final String PREFIX = "ADU";
    private static final int GROUPS = 4;
    private static final int GROUP_LENGTH = 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingNumbers() {
    }

    public static String next() {
        byte[] bits = new byte[10];
        RANDOM.nextBytes(bits);
        StringBuilder out = new StringBuilder(PREFIX);
        int buffer = 0;
        int buffered = 0;
        int written = 0;
        for (byte b : bits) {
            buffer = (buffer << 8) | (b & 0xff);
            buffered += 8;
            while (buffered >= 5) {
                if (written % GROUP_LENGTH == 0) {
                    out.append('-');
                }
                out.append(ALPHABET.charAt((buffer >> (buffered - 5)) & 31));
                buffered -= 5;
                written++;
            }
        }
        return out.toString();
    }

    /**
     * The canonical form of what a citizen typed: case, spaces and dashes do not matter, and the letters people
     * confuse with digits (O, I, L) are read as the digits.
     */
    public static Optional<String> canonical(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String symbols = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        if (symbols.startsWith(PREFIX)) {
            symbols = symbols.substring(PREFIX.length());
        }
        symbols = symbols.replace('O', '0').replace('I', '1').replace('L', '1');
        if (symbols.length() != GROUPS * GROUP_LENGTH) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(PREFIX);
        for (int i = 0; i < symbols.length(); i++) {
            char c = symbols.charAt(i);
            if (ALPHABET.indexOf(c) < 0) {
                return Optional.empty();
            }
            if (i % GROUP_LENGTH == 0) {
                out.append('-');
            }
            out.append(c);
        }
        return Optional.of(out.toString());
    }
}
