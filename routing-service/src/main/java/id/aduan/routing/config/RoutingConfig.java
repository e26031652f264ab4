package id.aduan.routing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** routing-service's own settings ({@code aduan.routing.*}). */
@ConfigMapping(prefix = "aduan.routing")
public interface RoutingConfig {

    /** A rules file to use instead of the built-in {@code rules/bengkulu.yaml}. */
    Optional<Path> rulesFile();

    /** How often the rules file is checked for changes (read by its {@code @Scheduled}). */
    @WithDefault("10s")
    String reloadEvery();
}
