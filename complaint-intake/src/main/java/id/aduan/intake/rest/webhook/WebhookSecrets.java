package id.aduan.intake.rest.webhook;

import id.aduan.support.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a webhook call comes from the platform: a shared secret (Telegram) or an HMAC-SHA256 signature of the
 * raw body (WhatsApp), compared in constant time. Missing is 401, wrong is 403; neither says which part was wrong.
 */
final class WebhookSecrets {

    private static final String SIGNATURE_PREFIX = "sha256=";

    private WebhookSecrets() {
    }

    /** Both strings compared through their SHA-256, so that neither content nor length leaks through timing. */
    static boolean same(String given, String expected) {
        if (given == null || expected == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(given.getBytes(StandardCharsets.UTF_8)),
                sha256(expected.getBytes(StandardCharsets.UTF_8)));
    }

    /** The shared secret of a Telegram call. */
    static void requireSecret(String given, String expected, String slug) {
        if (given == null || given.isEmpty()) {
            throw new ProblemException(401, slug + "-missing");
        }
        if (!same(given, expected)) {
            throw new ProblemException(403, slug + "-invalid");
        }
    }

    /** {@code sha256=<hex>} over the raw body with the app secret, before anything of the body is read. */
    static void requireHmacSha256(String header, String secret, byte[] body, String slug) {
        if (header == null || header.isBlank()) {
            throw new ProblemException(401, slug + "-missing");
        }
        byte[] expected = hmacSha256(secret, body);
        byte[] given = decode(header.strip());
        // Compared even when the header was malformed, so that a bad header costs as long as a wrong one.
        boolean valid = MessageDigest.isEqual(expected, given == null ? new byte[expected.length] : given)
                && given != null;
        if (!valid) {
            throw new ProblemException(403, slug + "-invalid");
        }
    }

    static byte[] hmacSha256(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decode(String header) {
        if (!header.toLowerCase(Locale.ROOT).startsWith(SIGNATURE_PREFIX)
                || header.length() != SIGNATURE_PREFIX.length() + 64) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(header.substring(SIGNATURE_PREFIX.length()));
        } catch (IllegalArgumentException notHex) {
            return null;
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
