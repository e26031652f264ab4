package id.aduan.intake.chat;

import id.aduan.events.Category;
import id.aduan.events.Location;
import id.aduan.intake.config.ChatConfig;
import id.aduan.intake.config.IntakeConfig;
import id.aduan.intake.domain.ComplaintNormalizer;
import id.aduan.intake.domain.Idempotency;
import id.aduan.intake.domain.IndonesianText;
import id.aduan.intake.domain.RateLimits;
import id.aduan.intake.domain.RegionDirectory;
import id.aduan.intake.domain.RegionMatch;
import id.aduan.intake.domain.SubmissionCommand;
import id.aduan.intake.domain.SubmissionResult;
import id.aduan.intake.domain.SubmitComplaint;
import id.aduan.intake.domain.TrackingNumbers;
import id.aduan.intake.persistence.ChatAttachmentRecord;
import id.aduan.intake.persistence.ChatAttachmentRepository;
import id.aduan.intake.persistence.ChatConversationRecord;
import id.aduan.intake.persistence.ChatConversationRepository;
import id.aduan.intake.persistence.ChatProcessedMessageRepository;
import id.aduan.intake.persistence.ComplaintStatusRepository;
import id.aduan.intake.persistence.PublicMessageRecord;
import id.aduan.intake.persistence.PublicMessageRepository;
import id.aduan.support.persistence.SqlStates;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The conversation of both chat bridges: it collects one complaint per sender, message by message, asks for what it
 * could not read (the region, then the category), and submits the complaint the way the REST door does. Its state
 * lives in {@code intake.chat_conversation}, one row per sender, so it survives a restart; each message locks that
 * row, so that two messages of one sender at once are handled one after the other and cannot both publish. A
 * platform message already handled (same update_id or wamid) changes nothing and gets no second reply.
 *
 * <p>This bean holds no per-message state: everything a message needs is in the database or in the call.
 */
@ApplicationScoped
public class ChatConversation {

    static final String ASK_TEXT = "ASK_TEXT";
    static final String ASK_REGION = "ASK_REGION";
    static final String ASK_CATEGORY = "ASK_CATEGORY";
    static final String SUBMITTING = "SUBMITTING";
    static final String NOT_SAVED = "NOT_SAVED";
    /** Kafka did not confirm it: the complaint is kept and will arrive; "kirim ulang" gets its tracking number. */
    static final String PENDING = "PENDING";

    /** The shortest complaint text accepted, as at the REST door. */
    static final int MIN_TEXT = 10;

    private static final Logger LOG = Logger.getLogger(ChatConversation.class);
    private static final int MAX_REF = 300;

    @Inject
    ChatConfig config;

    @Inject
    IntakeConfig intakeConfig;

    @Inject
    ComplaintNormalizer normalizer;

    @Inject
    RegionDirectory regions;

    @Inject
    SubmitComplaint submissions;

    @Inject
    RateLimits limits;

    @Inject
    ChatConversationRepository conversations;

    @Inject
    ChatProcessedMessageRepository processed;

    @Inject
    ChatAttachmentRepository attachments;

    @Inject
    ComplaintStatusRepository statuses;

    @Inject
    PublicMessageRepository publicMessages;

    @Inject
    Clock clock;

    /** What one message leads to: replies now, and possibly a complaint to submit. */
    record Turn(List<String> replies, Submission submission) {

        static final Turn NOTHING = new Turn(List.of(), null);

        static Turn reply(String text) {
            return new Turn(List.of(text), null);
        }
    }

    /**
     * A complete complaint, as the conversation collected it.
     *
     * @param submissionKey this complaint's idempotency key: the same for every "kirim ulang" of it
     */
    record Submission(String key, String submissionKey, String description, String categoryCode, String regionCode,
                      Location location, String attachmentRef) {

        /** What the citizen sent, for the idempotency key's hash. */
        byte[] content() {
            return String.join("|", String.valueOf(description), String.valueOf(categoryCode),
                    String.valueOf(regionCode), String.valueOf(location), String.valueOf(attachmentRef))
                    .getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "Submission[redacted]";
        }
    }

    /**
     * Handles one message of a citizen.
     *
     * @param statusUrlBase the public address of status pages, to which the tracking number is appended
     * @return the replies to send the citizen, in order; empty for a redelivered message. Fails only when the
     *         database cannot be reached (then nothing was changed and the platform may deliver it again)
     */
    public Uni<List<String>> handle(IncomingMessage message, String statusUrlBase) {
        Optional<Long> wait = limits.take("chat", message.conversationKey());
        if (wait.isPresent()) {
            LOG.infof("Chat sender %s is rate limited; message not processed", message.senderHash());
            boolean notice = limits.take("chat-notice", message.conversationKey()).isEmpty();
            return Uni.createFrom().item(notice ? List.of(ChatTexts.slowDown(wait.get())) : List.of());
        }
        return Uni.createFrom().deferred(() -> begin(message))
                // The first message of a new sender twice at once: the loser's insert fails, its retry finds the row.
                .onFailure(SqlStates::isUniqueViolation).retry().atMost(2)
                .chain(turn -> turn.submission() == null ? Uni.createFrom().item(turn.replies())
                        : submit(message, turn.submission(), statusUrlBase));
    }

    /** Claims the message, locks the sender's conversation and decides what this message means. */
    @WithTransaction
    Uni<Turn> begin(IncomingMessage message) {
        return processed.claim(message.messageKey()).chain(first -> {
            if (!first) {
                LOG.debugf("Chat message of %s already handled", message.senderHash());
                return Uni.createFrom().item(Turn.NOTHING);
            }
            // Unpaired UTF-16 surrogates (legal in JSON escapes) are no text: dropped before anything reads it.
            String text = ComplaintNormalizer.clean(message.text() == null ? null
                    : message.text().replaceAll("\\p{Cs}", ""), ComplaintNormalizer.MAX_DESCRIPTION);
            Optional<String> query = ChatTexts.statusQuery(text);
            if (query.isPresent()) {
                return status(query.get());
            }
            return conversations.lock(message.conversationKey()).chain(row -> decide(message, text, row));
        });
    }

    private Uni<Turn> decide(IncomingMessage message, String text, ChatConversationRecord row) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean active = row != null && row.updatedAt.isAfter(now.minus(config.conversationExpiry()));
        String command = ChatTexts.command(text);
        if (ChatTexts.CANCEL.contains(command) && active && SUBMITTING.equals(row.step)
                && row.updatedAt.isAfter(now.minus(config.submittingStaleAfter()))) {
            // Already on its way to Kafka: it cannot be taken back, and the tracking number follows.
            return Uni.createFrom().item(Turn.reply(ChatTexts.IN_PROGRESS));
        }
        if (ChatTexts.CANCEL.contains(command) && active && PENDING.equals(row.step)) {
            // Kept and on its way: it will reach the OPD whatever the citizen says now.
            return Uni.createFrom().item(Turn.reply(ChatTexts.PENDING_NO_CANCEL));
        }
        if (ChatTexts.CANCEL.contains(command)) {
            Turn turn = Turn.reply(active ? ChatTexts.CANCELLED : ChatTexts.NOTHING_TO_CANCEL);
            return row == null ? Uni.createFrom().item(turn) : conversations.delete(row).replaceWith(turn);
        }
        if (ChatTexts.HELP.contains(command)) {
            return Uni.createFrom().item(Turn.reply(ChatTexts.INTRO));
        }
        ChatConversationRecord state = row;
        if (state == null) {
            state = new ChatConversationRecord();
            state.key = message.conversationKey();
            state.channel = message.channel().code();
        }
        if (!active) {
            reset(state);
        }
        Step step = next(state, message, text, command, now);
        if (step.end()) {
            // Over, or nothing worth keeping (a greeting, a sticker): no row is left behind.
            return row == null ? Uni.createFrom().item(step.turn()) : conversations.delete(row).replaceWith(step.turn());
        }
        if (step.touch() || state.updatedAt == null) {
            state.updatedAt = now;
        }
        return row == null ? conversations.persistAndFlush(state).replaceWith(step.turn())
                : Uni.createFrom().item(step.turn());
    }

    /**
     * The conversation after this message.
     *
     * @param end   the conversation is over (or never began): its row is deleted
     * @param touch the message counts as activity (a reminder while submitting does not, so that a stuck submission
     *              still becomes stale)
     */
    private record Step(Turn turn, boolean end, boolean touch) {

        static Step keep(Turn turn) {
            return new Step(turn, false, true);
        }

        static Step keep(String reply) {
            return keep(Turn.reply(reply));
        }

        static Step end(String reply) {
            return new Step(Turn.reply(reply), true, false);
        }
    }

    private Step next(ChatConversationRecord state, IncomingMessage message, String text, String command,
            OffsetDateTime now) {
        String step = state.step;
        if (SUBMITTING.equals(step) && state.updatedAt.isAfter(now.minus(config.submittingStaleAfter()))) {
            return new Step(Turn.reply(ChatTexts.IN_PROGRESS), false, false);
        }
        if (SUBMITTING.equals(step) || NOT_SAVED.equals(step) || PENDING.equals(step)) {
            if (ChatTexts.RETRY.contains(command)) {
                // The same submission key: "kirim ulang" is the same complaint, never a second one.
                moveTo(state, SUBMITTING);
                return Step.keep(new Turn(List.of(), submission(state)));
            }
            if (PENDING.equals(step)) {
                return Step.keep(ChatTexts.PENDING_REMINDER);
            }
            moveTo(state, NOT_SAVED);
            return Step.keep(ChatTexts.NOT_SAVED_REMINDER);
        }
        if (message.attachmentRef() != null && message.attachmentRef().length() <= MAX_REF) {
            state.attachmentRef = message.attachmentRef();
        }
        if (ASK_REGION.equals(step)) {
            return answerRegion(state, message, text);
        }
        if (ASK_CATEGORY.equals(step)) {
            Optional<Category> chosen = ChatTexts.categoryChoice(text);
            if (chosen.isPresent()) {
                state.categoryCode = chosen.get().code();
                return ready(state);
            }
            return askAgain(state, ChatTexts.CATEGORY_NOT_FOUND);
        }
        return describe(state, message, text);
    }

    /** A new conversation, or one that still waits for the complaint's words. */
    private Step describe(ChatConversationRecord state, IncomingMessage message, String text) {
        boolean fresh = state.step == null;
        if (message.kind() == IncomingMessage.Kind.LOCATION) {
            Optional<Location> at = location(message);
            if (at.isEmpty()) {
                return fresh ? Step.end(ChatTexts.LOCATION_INVALID + ChatTexts.ASK_TEXT)
                        : Step.keep(ChatTexts.LOCATION_INVALID + ChatTexts.ASK_TEXT);
            }
            if (!normalizer.inProvince(at.get())) {
                return fresh ? Step.end(ChatTexts.LOCATION_OUTSIDE + ChatTexts.ASK_TEXT)
                        : Step.keep(ChatTexts.LOCATION_OUTSIDE + ChatTexts.ASK_TEXT);
            }
            state.latitude = at.get().latitude();
            state.longitude = at.get().longitude();
            moveTo(state, ASK_TEXT);
            return Step.keep(ChatTexts.LOCATION_THEN_TEXT);
        }
        if (message.kind() == IncomingMessage.Kind.OTHER) {
            return fresh ? Step.end(ChatTexts.UNSUPPORTED)
                    : Step.keep(ChatTexts.UNSUPPORTED + " " + ChatTexts.ASK_TEXT);
        }
        if (text == null || text.length() < MIN_TEXT || onlyNamesARegion(text)) {
            if (fresh && state.attachmentRef == null) {
                return Step.end(ChatTexts.INTRO);
            }
            if (fresh) {
                moveTo(state, ASK_TEXT);
                return Step.keep(ChatTexts.PHOTO_THEN_TEXT);
            }
            state.attempts++;
            if (state.attempts > config.maxReasks()) {
                return Step.end(ChatTexts.GAVE_UP_TEXT);
            }
            return Step.keep(ChatTexts.ASK_TEXT);
        }
        state.description = text;
        moveTo(state, ASK_TEXT);
        return ready(state);
    }

    /** "Kota Bengkulu", "Rejang Lebong": a place, not yet a complaint (often the late answer to a forgotten question). */
    private boolean onlyNamesARegion(String text) {
        return text.length() <= 40 && IndonesianText.words(text).size() <= 3 && regions.match(text)
                .filter(m -> m.place() == null && m.confidence() >= intakeConfig.normalization().regionConfidence())
                .isPresent();
    }

    private Step answerRegion(ChatConversationRecord state, IncomingMessage message, String text) {
        if (message.kind() == IncomingMessage.Kind.LOCATION) {
            Optional<Location> at = location(message);
            if (at.isEmpty()) {
                return askAgain(state, ChatTexts.LOCATION_INVALID);
            }
            if (!normalizer.inProvince(at.get())) {
                return askAgain(state, ChatTexts.LOCATION_OUTSIDE);
            }
            state.latitude = at.get().latitude();
            state.longitude = at.get().longitude();
            state.regionCode = null;
            return ready(state);
        }
        Optional<RegionMatch> named = regions.match(text)
                .filter(m -> m.confidence() >= intakeConfig.normalization().regionConfidence());
        if (named.isPresent()) {
            state.regionCode = named.get().region().code();
            return ready(state);
        }
        return askAgain(state, ChatTexts.REGION_NOT_FOUND);
    }

    /** Asks again, or, after {@code max-reasks}, goes on with what it has (marked for triage) or gives up. */
    private Step askAgain(ChatConversationRecord state, String why) {
        state.attempts++;
        if (state.attempts <= config.maxReasks()) {
            return Step.keep(why + (ASK_REGION.equals(state.step) ? ChatTexts.ASK_REGION : ChatTexts.ASK_CATEGORY));
        }
        if (ASK_CATEGORY.equals(state.step)) {
            state.categoryUnclearAccepted = true;
            return ready(state);
        }
        if (read(state).region().isPresent()) {
            state.regionUnclearAccepted = true;
            return ready(state);
        }
        return Step.end(ChatTexts.GAVE_UP_REGION);
    }

    /** Asks for what is still missing or unclear: first the region, then the category; else submits. */
    private Step ready(ChatConversationRecord state) {
        ComplaintNormalizer.Reading reading = read(state);
        List<String> reasons = reading.normalization().triageReasons();
        boolean regionKnown = reading.region().isPresent()
                && (!reasons.contains("region-unclear") || state.regionUnclearAccepted);
        if (!regionKnown) {
            moveTo(state, ASK_REGION);
            return Step.keep(ChatTexts.ASK_REGION);
        }
        boolean categoryKnown = state.categoryCode != null || !reasons.contains("category-unclear")
                || state.categoryUnclearAccepted;
        if (!categoryKnown) {
            moveTo(state, ASK_CATEGORY);
            return Step.keep(ChatTexts.ASK_CATEGORY);
        }
        moveTo(state, SUBMITTING);
        return Step.keep(new Turn(List.of(), submission(state)));
    }

    private ComplaintNormalizer.Reading read(ChatConversationRecord state) {
        return normalizer.read(new ComplaintNormalizer.Input(state.categoryCode, state.description, state.regionCode,
                null, locationOf(state)));
    }

    private static Submission submission(ChatConversationRecord state) {
        if (state.submissionKey == null) {
            state.submissionKey = UUID.randomUUID().toString();
        }
        return new Submission(state.key, state.submissionKey, state.description, state.categoryCode,
                state.regionCode, locationOf(state), state.attachmentRef);
    }

    private static Location locationOf(ChatConversationRecord state) {
        return state.latitude == null || state.longitude == null ? null
                : new Location(state.latitude, state.longitude);
    }

    /** A shared point, if it is a real one in Indonesia (as the REST door requires). */
    private static Optional<Location> location(IncomingMessage message) {
        Double lat = message.latitude();
        Double lon = message.longitude();
        if (lat == null || lon == null || lat.isNaN() || lon.isNaN()
                || lat < -11.5 || lat > 6.5 || lon < 94.5 || lon > 141.5) {
            return Optional.empty();
        }
        return Optional.of(new Location(lat, lon));
    }

    private static void moveTo(ChatConversationRecord state, String step) {
        if (!step.equals(state.step)) {
            state.step = step;
            state.attempts = 0;
        }
    }

    private static void reset(ChatConversationRecord state) {
        state.step = null;
        state.description = null;
        state.categoryCode = null;
        state.regionCode = null;
        state.latitude = null;
        state.longitude = null;
        state.attachmentRef = null;
        state.attempts = 0;
        state.regionUnclearAccepted = false;
        state.categoryUnclearAccepted = false;
        state.submissionKey = null;
    }

    /** The public status of a complaint, as its status page shows it: never anyone's personal data. */
    private Uni<Turn> status(String typed) {
        if (typed.isEmpty()) {
            return Uni.createFrom().item(Turn.reply(ChatTexts.STATUS_USAGE));
        }
        Optional<String> canonical = TrackingNumbers.canonical(typed);
        if (canonical.isEmpty()) {
            return Uni.createFrom().item(Turn.reply(ChatTexts.statusNotFound(null)));
        }
        return statuses.findByTrackingNumber(canonical.get()).chain(row -> row == null || !row.confirmed
                ? Uni.createFrom().item(Turn.reply(ChatTexts.statusNotFound(canonical.get())))
                : publicMessages.of(row.complaintId).map(words -> {
                    String latest = words.stream().filter(w -> PublicMessageRecord.OPD.equals(w.author))
                            .reduce((first, second) -> second).map(w -> w.message).orElse(null);
                    return Turn.reply(ChatTexts.status(row.trackingNumber, row.status, row.opdName, latest));
                }));
    }

    /**
     * Submits the collected complaint through the one submission path, under the conversation's submission key, and
     * answers with the tracking number. When Kafka does not confirm it, the complaint is kept and "kirim ulang" gets
     * its tracking number; when it could not be stored, "kirim ulang" tries again.
     */
    private Uni<List<String>> submit(IncomingMessage message, Submission s, String statusUrlBase) {
        SubmissionCommand command = new SubmissionCommand(message.channel().code(), s.categoryCode(), s.description(),
                s.regionCode(), null, s.location(), message.contact(), false, false, null,
                Idempotency.of("chat:" + s.submissionKey(), s.content()));
        return submissions.submit(command).chain(result -> {
            if (result instanceof SubmissionResult.Accepted accepted) {
                return Uni.createFrom().deferred(() -> accepted(s, message.channel(), accepted))
                        .onFailure().invoke(e -> LOG.warnf("Chat complaint %s accepted, conversation of %s "
                                + "not closed: %s", accepted.trackingNumber(), message.senderHash(),
                                Failures.describe(e)))
                        .onFailure().recoverWithNull()
                        .replaceWith(List.of(ChatTexts.accepted(accepted.trackingNumber(),
                                accepted.category().label(true),
                                accepted.region() == null ? "" : accepted.region().name(),
                                statusUrlBase + accepted.trackingNumber())));
            }
            if (result instanceof SubmissionResult.InProgress) {
                return Uni.createFrom().item(List.of(ChatTexts.IN_PROGRESS));
            }
            if (result instanceof SubmissionResult.Invalid) {
                // The conversation asked until the region was read; a refusal now means start again.
                return Uni.createFrom().deferred(() -> closed(s.key()))
                        .onFailure().recoverWithNull()
                        .replaceWith(List.of(ChatTexts.GAVE_UP_REGION));
            }
            boolean kept = result instanceof SubmissionResult.Unavailable u
                    && u.cause() == SubmissionResult.Cause.BROKER;
            LOG.warnf("Chat complaint of %s not confirmed: %s", message.senderHash(), result);
            return Uni.createFrom().deferred(() -> stepAfterSubmitting(s.key(), kept ? PENDING : NOT_SAVED,
                            result instanceof SubmissionResult.KeyReused))
                    .onFailure().invoke(e -> LOG.warnf("Conversation of %s not marked unconfirmed: %s",
                            message.senderHash(), Failures.describe(e)))
                    .onFailure().recoverWithNull()
                    .replaceWith(List.of(kept ? ChatTexts.PENDING : ChatTexts.NOT_SAVED));
        });
    }

    /** The complaint is on Kafka: the conversation is over; a photo's reference stays with the complaint. */
    @WithTransaction
    Uni<Void> accepted(Submission s, ChatChannel channel, SubmissionResult.Accepted accepted) {
        Uni<Long> closed = conversations.delete("key = ?1 and step = ?2", s.key(), SUBMITTING);
        if (s.attachmentRef() == null) {
            return closed.replaceWithVoid();
        }
        ChatAttachmentRecord attachment = new ChatAttachmentRecord();
        attachment.complaintId = accepted.complaintId();
        attachment.channel = channel.code();
        attachment.fileRef = s.attachmentRef();
        return closed.call(() -> attachments.persist(attachment)).replaceWithVoid();
    }

    /**
     * The submission did not go through: {@code step} says whether it is kept (PENDING) or not stored (NOT_SAVED). A
     * key that turned out to be used already with other content is replaced, so that "kirim ulang" can succeed.
     */
    @WithTransaction
    Uni<Void> stepAfterSubmitting(String key, String step, boolean newKey) {
        return newKey
                ? conversations.update("step = ?1, updatedAt = ?2, submissionKey = ?3 where key = ?4 and step = ?5",
                        step, OffsetDateTime.now(clock), UUID.randomUUID().toString(), key, SUBMITTING).replaceWithVoid()
                : conversations.update("step = ?1, updatedAt = ?2 where key = ?3 and step = ?4", step,
                        OffsetDateTime.now(clock), key, SUBMITTING).replaceWithVoid();
    }

    /** The conversation is over without a complaint. */
    @WithTransaction
    Uni<Void> closed(String key) {
        return conversations.delete("key = ?1 and step = ?2", key, SUBMITTING).replaceWithVoid();
    }
}
