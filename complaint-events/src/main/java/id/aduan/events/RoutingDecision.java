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
 */
public record RoutingDecision(
        String opdCode,
        String opdName,
        String ruleId,
        String ruleVersion,
        String explanation,
        int hop,
        String previousOpdCode) {
}
