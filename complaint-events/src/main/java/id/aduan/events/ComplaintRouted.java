package id.aduan.events;

/** Routing assigned a complaint to an OPD. Topic {@value Topics#COMPLAINTS_ROUTED}. */
public record ComplaintRouted(ComplaintSnapshot complaint, RoutingDecision routing) implements EventPayload {

    public static final String TYPE = "ComplaintRouted";
}
