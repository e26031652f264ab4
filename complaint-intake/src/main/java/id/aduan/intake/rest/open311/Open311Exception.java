package id.aduan.intake.rest.open311;

import java.util.List;

/**
 * A request the Open311 door refuses, answered in the spec's error format ({@code <errors><error>} or
 * {@code [{"code":..,"description":..}]}) with the matching HTTP status. Each message is a key of
 * {@code problems_<lang>.properties}, read in the caller's language.
 */
public class Open311Exception extends RuntimeException {

    /** One error of the answer: a message key and its arguments (already text, so equal errors are equal). */
    public record Message(String key, List<String> args) {

        public Message(String key, String... args) {
            this(key, List.of(args));
        }
    }

    private final int status;
    private final transient List<Message> messages;
    private final Long retryAfterSeconds;

    private Open311Exception(int status, List<Message> messages, Long retryAfterSeconds, Throwable cause) {
        super(messages.isEmpty() ? "open311 " + status : messages.get(0).key(), cause, false, false);
        this.status = status;
        this.messages = List.copyOf(messages);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 400 with one or more errors (the spec allows several in one answer). */
    public static Open311Exception invalid(List<Message> messages) {
        return new Open311Exception(400, messages, null, null);
    }

    public static Open311Exception badRequest(String key, String... args) {
        return of(400, key, args);
    }

    public static Open311Exception notFound(String key, String... args) {
        return of(404, key, args);
    }

    /** Missing or unknown api_key. */
    public static Open311Exception forbidden() {
        return of(403, "open311.error.api-key");
    }

    public static Open311Exception tooManyRequests(long retryAfterSeconds) {
        long seconds = Math.max(1, Math.min(retryAfterSeconds, 86_400));
        return new Open311Exception(429, List.of(new Message("open311.error.rate-limited", String.valueOf(seconds))),
                seconds, null);
    }

    /** Kafka or the database cannot take the request now; nothing was kept. */
    public static Open311Exception unavailable(String key, long retryAfterSeconds, Throwable cause) {
        return new Open311Exception(503, List.of(new Message(key)), retryAfterSeconds, cause);
    }

    public static Open311Exception of(int status, String key, String... args) {
        return new Open311Exception(status, List.of(new Message(key, args)), null, null);
    }

    public int status() {
        return status;
    }

    public List<Message> messages() {
        return messages;
    }

    /** Seconds for the {@code Retry-After} header, or {@code null}. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
