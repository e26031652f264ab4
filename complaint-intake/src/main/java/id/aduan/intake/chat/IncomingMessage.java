package id.aduan.intake.chat;

import id.aduan.intake.domain.ComplaintDraft;

/**
 * One message of a citizen, as the bridges read it from their platform.
 *
 * @param messageId     the platform's id of this delivery (Telegram update_id, WhatsApp wamid): seen twice, it is
 *                      handled once
 * @param senderId      the chat id or phone number: personal data, kept in intake's tables only, never logged
 * @param text          the text, or a photo's caption; {@code null} for a location or a photo without one
 * @param latitude      a shared location, or {@code null}
 * @param attachmentRef the platform's id of a photo (never downloaded), or {@code null}
 * @param contact       the contact stored with the complaint (WhatsApp: the phone number), or {@code null}
 */
public record IncomingMessage(ChatChannel channel, String messageId, String senderId, Kind kind, String text,
                              Double latitude, Double longitude, String attachmentRef,
                              ComplaintDraft.ReporterContact contact) {

    /** What the citizen sent. {@link #OTHER}: a sticker, a voice note, anything the bot does not read. */
    public enum Kind {
        TEXT, LOCATION, PHOTO, OTHER
    }

    public static IncomingMessage text(ChatChannel channel, String messageId, String senderId, String text,
            ComplaintDraft.ReporterContact contact) {
        return new IncomingMessage(channel, messageId, senderId, Kind.TEXT, text, null, null, null, contact);
    }

    public static IncomingMessage location(ChatChannel channel, String messageId, String senderId, double latitude,
            double longitude, ComplaintDraft.ReporterContact contact) {
        return new IncomingMessage(channel, messageId, senderId, Kind.LOCATION, null, latitude, longitude, null,
                contact);
    }

    public static IncomingMessage photo(ChatChannel channel, String messageId, String senderId, String caption,
            String attachmentRef, ComplaintDraft.ReporterContact contact) {
        return new IncomingMessage(channel, messageId, senderId, Kind.PHOTO, caption, null, null, attachmentRef,
                contact);
    }

    public static IncomingMessage other(ChatChannel channel, String messageId, String senderId,
            ComplaintDraft.ReporterContact contact) {
        return new IncomingMessage(channel, messageId, senderId, Kind.OTHER, null, null, null, null, contact);
    }

    /** The sender's conversation: one per platform and sender. */
    public String conversationKey() {
        return channel.code() + ":" + senderId;
    }

    /** This delivery, for deduplication. */
    public String messageKey() {
        return channel.code() + ":" + messageId;
    }

    /** A stable pseudonym of the sender for logs: never the id itself. */
    public String senderHash() {
        return SenderHash.of(conversationKey());
    }

    /** Personal data (sender, words): never printed. */
    @Override
    public String toString() {
        return "IncomingMessage[" + channel.code() + ", " + kind + ", sender " + senderHash() + "]";
    }
}
