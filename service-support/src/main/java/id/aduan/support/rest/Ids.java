package id.aduan.support.rest;

import id.aduan.support.problem.ProblemException;
import java.util.UUID;

/**
 * Ids in paths arrive as text and are parsed here: JAX-RS would answer a UUID that does not parse with a bare 404,
 * while the client deserves 400 problem details saying what is wrong.
 */
public final class Ids {

    private static final int MAX_ECHO = 64;

    private Ids() {
    }

    public static UUID uuid(String raw) {
        try {
            if (raw != null && raw.length() == 36) {
                return UUID.fromString(raw);
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        String echo = raw == null ? "" : raw.length() > MAX_ECHO ? raw.substring(0, MAX_ECHO) + "…" : raw;
        throw new ProblemException(400, "malformed-id", echo);
    }
}
