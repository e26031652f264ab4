package id.aduan.events;

/** Intake accepted a complaint. Topic {@value Topics#COMPLAINTS_SUBMITTED}. */
public record ComplaintSubmitted(ComplaintSnapshot complaint) implements EventPayload {

    public static final String TYPE = "ComplaintSubmitted";
}
