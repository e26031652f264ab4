package id.aduan.intake.rest.webhook;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import id.aduan.intake.chat.ChatChannel;
import id.aduan.intake.chat.IncomingMessage;
import id.aduan.intake.domain.ComplaintDraft;
import id.aduan.intake.domain.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The part of a WhatsApp Cloud API webhook notification the bridge reads: the messages under
 * {@code entry[].changes[].value.messages[]}. Delivery receipts ({@code statuses[]}) and other fields are
 * acknowledged and ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record WhatsAppNotification(String object, List<Entry> entry) {

    static final String BUSINESS_ACCOUNT = "whatsapp_business_account";

    /** A wa_id / phone number in international form without "+": it fits reporter_contact.phone with its "+". */
    private static final Pattern PHONE = Pattern.compile("[0-9]{7,15}");
    private static final Pattern PHONE_NUMBER_ID = Pattern.compile("[0-9]{1,30}");
    private static final Pattern WAMID = Pattern.compile("[A-Za-z0-9+/=._:-]{1,200}");
    private static final Pattern MEDIA_ID = Pattern.compile("[A-Za-z0-9._:-]{1,300}");

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(String id, List<Change> changes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Change(String field, Value value) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Value(@JsonProperty("messaging_product") String messagingProduct, Metadata metadata,
                 List<Contact> contacts, List<Message> messages) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Metadata(@JsonProperty("display_phone_number") String displayPhoneNumber,
                    @JsonProperty("phone_number_id") String phoneNumberId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Contact(Profile profile, @JsonProperty("wa_id") String waId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Profile(String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Message(String from, String id, String timestamp, String type, Text text, Location location,
                   Media image) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Text(String body) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Location(Double latitude, Double longitude) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Media(String id, String caption) {
    }

    /** A message to handle, and the business number to answer from. */
    record Inbound(IncomingMessage message, String phoneNumberId) {
    }

    /** Every citizen message in the notification, in order; malformed entries are skipped. */
    List<Inbound> inbound() {
        List<Inbound> found = new ArrayList<>();
        if (!BUSINESS_ACCOUNT.equals(object) || entry == null) {
            return found;
        }
        for (Entry e : entry) {
            if (e == null || e.changes() == null) {
                continue;
            }
            for (Change change : e.changes()) {
                Value value = change == null ? null : change.value();
                if (value == null || value.messages() == null || value.metadata() == null
                        || value.metadata().phoneNumberId() == null
                        || !PHONE_NUMBER_ID.matcher(value.metadata().phoneNumberId()).matches()
                        || change.field() != null && !"messages".equals(change.field())) {
                    continue;
                }
                value.messages().stream().filter(Objects::nonNull)
                        .filter(m -> m.from() != null && PHONE.matcher(m.from()).matches())
                        .filter(m -> m.id() != null && WAMID.matcher(m.id()).matches())
                        .map(m -> new Inbound(toIncoming(m, contactOf(value, m.from())),
                                value.metadata().phoneNumberId()))
                        .forEach(found::add);
            }
        }
        return found;
    }

    private static IncomingMessage toIncoming(Message m, ComplaintDraft.ReporterContact contact) {
        String type = m.type() == null ? "" : m.type();
        switch (type) {
            case "text":
                if (m.text() != null && m.text().body() != null) {
                    return IncomingMessage.text(ChatChannel.WHATSAPP, m.id(), m.from(), m.text().body(), contact);
                }
                break;
            case "location":
                if (m.location() != null && m.location().latitude() != null && m.location().longitude() != null) {
                    return IncomingMessage.location(ChatChannel.WHATSAPP, m.id(), m.from(), m.location().latitude(),
                            m.location().longitude(), contact);
                }
                break;
            case "image":
                if (m.image() != null) {
                    String ref = m.image().id() != null && MEDIA_ID.matcher(m.image().id()).matches()
                            ? m.image().id() : null;
                    return IncomingMessage.photo(ChatChannel.WHATSAPP, m.id(), m.from(), m.image().caption(), ref,
                            contact);
                }
                break;
            default:
                break;
        }
        return IncomingMessage.other(ChatChannel.WHATSAPP, m.id(), m.from(), contact);
    }

    /** The reporter's contact kept by intake (never published): the number, and the profile name if given. */
    private static ComplaintDraft.ReporterContact contactOf(Value value, String from) {
        String name = value.contacts() == null ? null : value.contacts().stream().filter(Objects::nonNull)
                .filter(c -> from.equals(c.waId()) && c.profile() != null)
                .map(c -> TextNormalizer.normalize(c.profile().name())).filter(Objects::nonNull)
                .map(n -> n.length() > 100 ? n.substring(0, 100) : n)
                .findFirst().orElse(null);
        return new ComplaintDraft.ReporterContact(name, "+" + from, null);
    }
}
