package id.aduan.events;

/**
 * The citizen answered, through the secret token they got at submission. Topic
 * {@value Topics#COMPLAINTS_CITIZEN}. opd-inbox, which owns the complaint's status, applies it through its state
 * machine (and announces the result as ComplaintStatusChanged).
 *
 * @param kind    {@code REPLY} to a request for information, {@code CONFIRM} a resolution, {@code REOPEN} it
 * @param message the citizen's words, if any
 * @param rating  with {@code CONFIRM}: 1 to 5
 */
public record CitizenResponded(String trackingNumber, String kind, String message, Integer rating)
        implements EventPayload {

    public static final String TYPE = "CitizenResponded";
    public static final String REPLY = "REPLY";
    public static final String CONFIRM = "CONFIRM";
    public static final String REOPEN = "REOPEN";
}
