package id.aduan.intake.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A submission's idempotency key, prefixed by its door ({@code api:}, {@code web:}, {@code open311:}, {@code chat:}),
 * and a hash of what was sent with it: a retry with the same key and content gets the same tracking number, the
 * same key with other content is refused.
 *
 * @param minted the door made the key up (the client sent none), so it cannot have been used before; the client
 *               gets it only when the outcome is unknown, to retry with
 */
public record Idempotency(String key, String requestHash, boolean minted) {

    /** A key the client (or the door, on its behalf) chose. */
    public static Idempotency of(String key, byte[] request) {
        return new Idempotency(key, sha256(request), false);
    }

    /** A key the door made up for a client that sent none. */
    public static Idempotency minted(String key, byte[] request) {
        return new Idempotency(key, sha256(request), true);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
