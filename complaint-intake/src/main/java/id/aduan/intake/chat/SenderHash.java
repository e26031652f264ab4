package id.aduan.intake.chat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A short pseudonym of a chat sender, so that logs can tell senders apart without naming them. */
public final class SenderHash {

    private SenderHash() {
    }

    /** The first 12 hex digits of SHA-256: enough to follow one sender in the logs, too few to be an index. */
    public static String of(String conversationKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(conversationKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
