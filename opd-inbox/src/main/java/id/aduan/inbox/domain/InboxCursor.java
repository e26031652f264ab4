package id.aduan.inbox.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * An opaque position in an inbox list: the order it belongs to, the last item's sort value and its id.
 *
 * @param value the sort value of the last item ({@code null} for a complaint without a deadline)
 */
public record InboxCursor(InboxSort sort, OffsetDateTime value, UUID id) {

    public String encode() {
        String raw = sort + "|" + (value == null ? "-" : value.toInstant().toString()) + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back, or empty if it is not one of ours. */
    public static Optional<InboxCursor> decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 3) {
                return Optional.empty();
            }
            OffsetDateTime value = parts[1].equals("-") ? null
                    : Instant.parse(parts[1]).atOffset(ZoneOffset.UTC);
            return Optional.of(new InboxCursor(InboxSort.valueOf(parts[0]), value, UUID.fromString(parts[2])));
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
