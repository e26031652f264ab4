package id.aduan.support.problem;

import java.util.List;

/**
 * A failure that the caller should see as problem details. Its title and detail are looked up by
 * {@link ProblemMessages} in the caller's language, from the keys {@code problem.<slug>.title} and
 * {@code problem.<slug>.detail} (the detail formatted with {@link #args()}).
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final transient Object[] args;
    private final List<Problem.FieldError> errors;
    private final Integer retryAfterSeconds;

    public ProblemException(int status, String slug, Object... args) {
        this(status, slug, List.of(), null, null, args);
    }

    protected ProblemException(int status, String slug, List<Problem.FieldError> errors, Integer retryAfterSeconds,
            Throwable cause, Object... args) {
        super(slug, cause, false, false);
        this.status = status;
        this.slug = slug;
        this.args = args;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The service cannot take the request right now; the caller may retry after the given delay. */
    public static ProblemException unavailable(String slug, int retryAfterSeconds, Throwable cause) {
        return new ProblemException(503, slug, List.of(), retryAfterSeconds, cause);
    }

    /** The request collides with one still in progress; the caller may retry after the given delay. */
    public static ProblemException conflictRetry(String slug, int retryAfterSeconds) {
        return new ProblemException(409, slug, List.of(), retryAfterSeconds, null);
    }

    /** The client sent too much too fast; it may retry after the given delay. */
    public static ProblemException tooManyRequests(long retryAfterSeconds) {
        return new ProblemException(429, "rate-limited", List.of(), (int) Math.min(retryAfterSeconds, 86_400), null);
    }

    /** The input is invalid; each error names its field. */
    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(400, "validation", errors, null, null);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    /** Seconds for the {@code Retry-After} header, or {@code null}. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
