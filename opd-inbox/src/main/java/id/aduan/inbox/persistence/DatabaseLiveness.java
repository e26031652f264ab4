package id.aduan.inbox.persistence;

import id.aduan.support.health.DatabaseLivenessCheck;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Liveness;

/** This service's database in its liveness check; see {@link DatabaseLivenessCheck} for why it is lenient. */
@Liveness
@ApplicationScoped
public class DatabaseLiveness extends DatabaseLivenessCheck {
}
