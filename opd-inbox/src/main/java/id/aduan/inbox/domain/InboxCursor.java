package id.aduan.inbox.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/** An opaque position in an inbox list: the last item's routing time and id. */
public record InboxCursor(OffsetDateTime routedAt, UUID id) {

    public String encode() {
        String raw = routedAt.toInstant() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back, or empty if it is not one of ours. */
    public static Optional<InboxCursor> decode(String text) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            if (bar < 0) {
                return Optional.empty();
            }
            return Optional.of(new InboxCursor(Instant.parse(raw.substring(0, bar)).atOffset(ZoneOffset.UTC),
                    UUID.fromString(raw.substring(bar + 1))));
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
