package id.aduan.routing.rest;

import id.aduan.routing.domain.Opd;
import id.aduan.routing.domain.Router;
import id.aduan.routing.domain.Rule;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/routing/rules")
@Tag(name = "Aturan disposisi / routing rules")
public class RulesResource {

    @Inject
    Router router;

    /** The rule set in force, as published data (never the internal objects). */
    public record RuleSetView(String version, String triage, List<OpdView> opds, List<RuleView> rules) {
    }

    public record OpdView(String code, String name, String level, String region, String liaison,
            java.time.LocalDate activeFrom, java.time.LocalDate activeUntil, String successor) {
    }

    public record RuleView(String id, String category, String region, String opd, List<String> keywords,
            int priority, String explanation, Rule.Area near) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Aturan yang berlaku / the rule set in force")
    public RuleSetView rules() {
        var set = router.rules();
        return new RuleSetView(set.version(), set.triage().code(),
                set.opds().stream().map(RulesResource::view).toList(),
                set.rules().stream().map(RulesResource::view).toList());
    }

    private static OpdView view(Opd opd) {
        return new OpdView(opd.code(), opd.name(), opd.level(), opd.region(), opd.liaison(), opd.activeFrom(),
                opd.activeUntil(), opd.successor());
    }

    private static RuleView view(Rule rule) {
        return new RuleView(rule.id(), rule.category(), rule.region(), rule.opd(), rule.keywords(), rule.priority(),
                rule.explanation(), rule.near());
    }
}
