package id.aduan.routing.config;

import id.aduan.routing.domain.InvalidRuleSetException;
import id.aduan.routing.domain.RuleSet;
import id.aduan.routing.domain.RuleSetLoader;
import id.aduan.routing.domain.Router;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Watches the rules file ({@code aduan.routing.rules-file}) and routes with a new version as soon as it is saved,
 * without a restart. A file that does not validate is refused with every reason in the log, and the rules in force
 * stay in force. The built-in rules never change at run time.
 */
@ApplicationScoped
@Startup
public class RulesReloader {

    private static final Logger LOG = Logger.getLogger(RulesReloader.class);

    @Inject
    RoutingConfig config;

    @Inject
    Router router;

    @Inject
    DirectoryLoader directory;

    /** Digest of the file content last looked at (accepted or refused), so one bad save is reported once. */
    private volatile String seen;

    /** Remembers the file the service started with, so that only later saves count as changes. */
    @PostConstruct
    void remember() {
        config.rulesFile().ifPresent(this::reloadIfChanged);
    }

    @Scheduled(every = "${aduan.routing.reload-every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        config.rulesFile().ifPresent(this::reloadIfChanged);
    }

    /** @return the rule set now in force, if the file was changed and valid */
    public Optional<RuleSet> reloadIfChanged(Path file) {
        String digest;
        try {
            digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            LOG.warnf("Rules file %s cannot be read (%s); the rules in force stay", file, e.getMessage());
            return Optional.empty();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (seen == null) {
            seen = digest; // the file the service started with
            return Optional.empty();
        }
        if (digest.equals(seen)) {
            return Optional.empty();
        }
        seen = digest;
        try {
            RuleSet fileRules = RuleSetLoader.fromFile(file);
            // With the directory as stored (new OPDs of the file added): a rule naming a retired OPD is refused.
            RuleSet rules = VertxContextSupport.subscribeAndAwait(() -> directory.adopt(fileRules));
            LOG.infof("Rules reloaded without a restart: now routing with %s", rules);
            return Optional.of(rules);
        } catch (InvalidRuleSetException | UncheckedIOException e) {
            LOG.errorf("Rules file %s refused; still routing with %s. %s", file, router.rules(), e.getMessage());
            return Optional.empty();
        } catch (Throwable e) {
            LOG.errorf("Rules file %s not applied (%s); still routing with %s", file, e, router.rules());
            return Optional.empty();
        }
    }
}
