package id.aduan.intake.rest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.testing.Sql;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * One hostile webhook call: its body, content type and the statuses it may get. Never 500.
 *
 * @param marker digits the call carries where the bridge reads: in the complaint text (where the message has one)
 *               and in the ids the bridge keys on (Telegram update and chat id, WhatsApp wamid and sender), so that
 *               a bridge that wrongly took the message would leave a row that names it
 * @param taken  how far a correct bridge takes it
 */
record HostileCase(String name, byte[] body, String contentType, Set<Integer> allowed, String marker, Taken taken) {

    /** How far the bridge may take a hostile call. */
    enum Taken {
        /** Refused, or not a citizen's message: never claimed, no conversation, no complaint. */
        NOTHING,
        /** A citizen's message with nothing in it to keep: claimed, but no conversation is left and no complaint. */
        READ,
        /**
         * The conversation may wait for more (a photo for its words; a text that is not a status query, for its
         * region), but holds no marked text, and there is no complaint.
         */
        WAITS
    }

    static HostileCase of(String name, String body, String marker, Integer... allowed) {
        return new HostileCase(name, body.getBytes(StandardCharsets.UTF_8), "application/json", Set.of(allowed),
                marker, Taken.NOTHING);
    }

    static HostileCase bytes(String name, byte[] body, String marker, Integer... allowed) {
        return new HostileCase(name, body, "application/json", Set.of(allowed), marker, Taken.NOTHING);
    }

    HostileCase withContentType(String type) {
        return new HostileCase(name, body, type, allowed, marker, taken);
    }

    /** The bridge reads this message as a citizen's, and must keep nothing of it. */
    HostileCase read() {
        return new HostileCase(name, body, contentType, allowed, marker, Taken.READ);
    }

    /** The bridge reads this message and may keep a conversation waiting for more. */
    HostileCase waits() {
        return new HostileCase(name, body, contentType, allowed, marker, Taken.WAITS);
    }

    /** Nothing with the marker was kept beyond what {@link #taken} allows. */
    void assertKeptNothing() {
        String like = "%" + marker + "%";
        assertThat(Sql.count("select count(*) from intake.complaint_status where description like ?", like))
                .as("complaints made from %s", name).isZero();
        assertThat(Sql.count("select count(*) from intake.chat_conversation where description like ?", like))
                .as("conversations holding the text of %s", name).isZero();
        if (taken != Taken.WAITS) {
            assertThat(Sql.count("select count(*) from intake.chat_conversation where conversation_key like ?", like))
                    .as("conversations begun by %s", name).isZero();
        }
        if (taken == Taken.NOTHING) {
            assertThat(Sql.count("select count(*) from intake.chat_processed_message where message_key like ?", like))
                    .as("%s taken as a citizen's message", name).isZero();
        }
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
