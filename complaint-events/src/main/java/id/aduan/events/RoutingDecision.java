package id.aduan.events;

/**
 * Why a complaint went where it went.
 *
 * @param opdCode         the responsible OPD
 * @param opdName         its name at the time of routing
 * @param ruleId          the rule that matched
 * @param ruleVersion     the version of the rule set it belongs to
 * @param explanation     the decision in words, for staff and citizens
 * @param hop             1 for the first routing, 2 and more for re-routes
 * @param previousOpdCode the OPD it came from on a re-route
 * @param liaisonOpdCode  for an office outside the province's government (a kabupaten/kota's, BPJN...), the
 *                        provincial OPD that forwards to it and follows up: its staff see and act on the complaint
 */
public record RoutingDecision(
        String opdCode,
        String opdName,
        String ruleId,
        String ruleVersion,
        String explanation,
        int hop,
        String previousOpdCode,
        String liaisonOpdCode) {

    /** A decision for an OPD of the province itself (no liaison). */
    public RoutingDecision(String opdCode, String opdName, String ruleId, String ruleVersion, String explanation,
            int hop, String previousOpdCode) {
        this(opdCode, opdName, ruleId, ruleVersion, explanation, hop, previousOpdCode, null);
    }
}
