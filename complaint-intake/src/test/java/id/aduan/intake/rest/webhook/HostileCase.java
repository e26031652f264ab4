package id.aduan.intake.rest.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * One hostile webhook call: its body, content type and the statuses it may get. Never 500.
 *
 * @param marker digits the body's complaint text carries, so that a complaint made from it would be found
 */
record HostileCase(String name, byte[] body, String contentType, Set<Integer> allowed, String marker) {

    static HostileCase of(String name, String body, String marker, Integer... allowed) {
        return new HostileCase(name, body.getBytes(StandardCharsets.UTF_8), "application/json", Set.of(allowed),
                marker);
    }

    static HostileCase bytes(String name, byte[] body, String marker, Integer... allowed) {
        return new HostileCase(name, body, "application/json", Set.of(allowed), marker);
    }

    HostileCase withContentType(String type) {
        return new HostileCase(name, body, type, allowed, marker);
    }

    /** A body with bytes that are not UTF-8 put in place of the first "@@". */
    static byte[] withInvalidUtf8(String body) {
        int at = body.indexOf("@@");
        byte[] before = body.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] after = body.substring(at + 2).getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        byte[] all = new byte[before.length + bad.length + after.length];
        System.arraycopy(before, 0, all, 0, before.length);
        System.arraycopy(bad, 0, all, before.length, bad.length);
        System.arraycopy(after, 0, all, before.length + bad.length, after.length);
        return all;
    }

    @Override
    public String toString() {
        return name;
    }
}
