package id.aduan.routing.config;

import id.aduan.routing.domain.Router;
import id.aduan.routing.domain.RuleSetLoader;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Loads the rule set once at start-up; a bad file stops the service with every reason listed. */
@Singleton
public class RouterProducer {

    private static final Logger LOG = Logger.getLogger(RouterProducer.class);

    @Produces
    @Singleton
    Router router(RoutingConfig config) {
        Router router = new Router(config.rulesFile().map(RuleSetLoader::fromFile)
                .orElseGet(() -> RuleSetLoader.fromClasspath(RuleSetLoader.BUILT_IN)));
        LOG.infof("Routing with %s", router.rules());
        return router;
    }
}
