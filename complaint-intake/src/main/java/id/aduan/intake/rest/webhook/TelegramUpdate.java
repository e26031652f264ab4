package id.aduan.intake.rest.webhook;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import id.aduan.intake.chat.ChatChannel;
import id.aduan.intake.chat.IncomingMessage;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The part of a Telegram Bot API Update the bridge reads. Ids are longs: update ids, chat ids and user ids exceed
 * 32 bits. Only new messages in private chats count; edited messages, callback queries, channel posts and group
 * messages are acknowledged and ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record TelegramUpdate(@JsonProperty("update_id") Long updateId, Message message) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Message(@JsonProperty("message_id") Long messageId, User from, Chat chat, Long date, String text,
                   Location location, List<PhotoSize> photo, String caption) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record User(Long id, @JsonProperty("is_bot") Boolean isBot) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Chat(Long id, String type) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Location(Double latitude, Double longitude) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PhotoSize(@JsonProperty("file_id") String fileId, Integer width, Integer height,
                     @JsonProperty("file_size") Long fileSize) {
    }

    /** The chat to answer, if this update is a message the bridge reads. */
    Optional<Long> chatId() {
        if (updateId == null || message == null || message.chat() == null || message.chat().id() == null
                || !"private".equals(message.chat().type())
                || message.from() != null && Boolean.TRUE.equals(message.from().isBot())) {
            return Optional.empty();
        }
        return Optional.of(message.chat().id());
    }

    /** The citizen's message, or empty for an update the bridge ignores. */
    Optional<IncomingMessage> toIncoming() {
        return chatId().map(chat -> {
            String id = String.valueOf(updateId);
            String sender = String.valueOf(chat);
            if (message.text() != null) {
                return IncomingMessage.text(ChatChannel.TELEGRAM, id, sender, message.text(), null);
            }
            if (message.location() != null && message.location().latitude() != null
                    && message.location().longitude() != null) {
                return IncomingMessage.location(ChatChannel.TELEGRAM, id, sender, message.location().latitude(),
                        message.location().longitude(), null);
            }
            if (message.photo() != null && !message.photo().isEmpty()) {
                // The largest size; only its file_id is kept, the image is never downloaded.
                String fileId = message.photo().stream().filter(Objects::nonNull)
                        .filter(p -> p.fileId() != null && !p.fileId().isBlank())
                        .max(Comparator.comparingLong(p -> (long) (p.width() == null ? 0 : p.width())
                                * (p.height() == null ? 0 : p.height())))
                        .map(PhotoSize::fileId).orElse(null);
                return IncomingMessage.photo(ChatChannel.TELEGRAM, id, sender, message.caption(), fileId, null);
            }
            return IncomingMessage.other(ChatChannel.TELEGRAM, id, sender, null);
        });
    }
}
