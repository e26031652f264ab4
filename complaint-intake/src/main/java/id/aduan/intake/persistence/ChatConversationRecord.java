package id.aduan.intake.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A chat conversation collecting one complaint. Its key names the sender (personal data); it lives only until the
 * complaint is accepted, cancelled or the conversation expires.
 */
@Entity
@Table(name = "chat_conversation")
public class ChatConversationRecord extends PanacheEntityBase {

    @Id
    @Column(name = "conversation_key")
    public String key;

    @Column(nullable = false)
    public String channel;

    @Column(nullable = false)
    public String step;

    public String description;

    @Column(name = "category_code")
    public String categoryCode;

    @Column(name = "region_code")
    public String regionCode;

    public Double latitude;

    public Double longitude;

    @Column(name = "attachment_ref")
    public String attachmentRef;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "region_unclear_accepted", nullable = false)
    public boolean regionUnclearAccepted;

    @Column(name = "category_unclear_accepted", nullable = false)
    public boolean categoryUnclearAccepted;

    /** The idempotency key of the complaint once it is submitted, kept for every "kirim ulang" of it. */
    @Column(name = "submission_key")
    public String submissionKey;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Never print the key (it holds a phone number or chat id) or the citizen's words. */
    @Override
    public String toString() {
        return "ChatConversationRecord[" + channel + ", " + step + "]";
    }
}
