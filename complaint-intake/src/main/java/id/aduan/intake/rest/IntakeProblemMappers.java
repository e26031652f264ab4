package id.aduan.intake.rest;

import id.aduan.intake.config.IntakeConfig;
import id.aduan.intake.messaging.BrokerUnavailableException;
import id.aduan.support.problem.ProblemMappers;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Intake's own failures as problem details. */
@jakarta.enterprise.context.ApplicationScoped // created on first use, once runtime configuration exists
public class IntakeProblemMappers {

    private static final Logger LOG = Logger.getLogger(IntakeProblemMappers.class);

    @Inject
    IntakeConfig config;

    /** Kafka did not acknowledge: nothing is promised, and the citizen may retry shortly. */
    @ServerExceptionMapper
    public Response brokerUnavailable(BrokerUnavailableException e, HttpHeaders headers, UriInfo uri) {
        LOG.warn(e.getMessage());
        return ProblemMappers.build(headers, uri, 503, "broker-unavailable", List.of())
                .header(HttpHeaders.RETRY_AFTER, config.retryAfterSeconds()).build();
    }
}
