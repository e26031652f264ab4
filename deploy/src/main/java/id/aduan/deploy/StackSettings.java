package id.aduan.deploy;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where and how the stack runs, from environment variables (documented in the README).
 *
 * @param repo              the repository root (services are run from their module's target/quarkus-app)
 * @param home              the data folder: Kafka's log dirs, PostgreSQL's data, logs, pid files
 * @param launcherClasspath the classpath holding Kafka's jars (the launcher's own)
 * @param externalKafka     bootstrap servers of a Kafka to use instead of starting one
 * @param externalDbUrl     JDBC URL of a PostgreSQL database to use instead of the embedded one
 * @param keycloakHome      the unpacked Keycloak distribution
 * @param externalOidc      issuer URL of an OIDC realm to use instead of starting Keycloak
 * @param serviceEnv        extra environment of single services (tests use it to tune them)
 */
public record StackSettings(
        Path repo,
        Path home,
        String launcherClasspath,
        String bindHost,
        Optional<String> externalKafka,
        int kafkaPort,
        int kafkaControllerPort,
        int kafkaPartitions,
        Optional<String> externalDbUrl,
        String dbUser,
        String dbPassword,
        int dbPort,
        Path keycloakHome,
        int keycloakPort,
        Optional<String> externalOidc,
        Map<Service, Integer> ports,
        String serviceJavaOpts,
        Map<Service, String> javaOptsByService,
        Map<Service, Map<String, String>> serviceEnv) {

    public static StackSettings fromEnvironment(Map<String, String> env, Path repo, String launcherClasspath) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        Map<Service, String> javaOpts = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            ports.put(s, intOf(env, s.portVariable(), s.defaultPort()));
            String own = blankToNull(env.get(s.javaOptsVariable()));
            if (own != null) {
                javaOpts.put(s, own);
            }
        }
        return new StackSettings(
                repo,
                Path.of(env.getOrDefault("ADUAN_HOME", repo.resolve(".aduan").toString())).toAbsolutePath(),
                launcherClasspath,
                env.getOrDefault("ADUAN_BIND", "127.0.0.1"),
                Optional.ofNullable(blankToNull(env.get("ADUAN_KAFKA_BOOTSTRAP"))),
                intOf(env, "ADUAN_KAFKA_PORT", 9092),
                intOf(env, "ADUAN_KAFKA_CONTROLLER_PORT", 9093),
                intOf(env, "ADUAN_KAFKA_PARTITIONS", 6),
                Optional.ofNullable(blankToNull(env.get("ADUAN_DB_URL"))),
                env.getOrDefault("ADUAN_DB_USER", "postgres"),
                env.getOrDefault("ADUAN_DB_PASSWORD", ""),
                intOf(env, "ADUAN_DB_PORT", 5433),
                Path.of(env.getOrDefault("ADUAN_KEYCLOAK_HOME", System.getProperty("aduan.keycloak.home",
                        KeycloakNode.findDistribution(repo).toString()))),
                intOf(env, "ADUAN_KEYCLOAK_PORT", 8180),
                Optional.ofNullable(blankToNull(env.get("ADUAN_OIDC_URL"))),
                ports,
                // Seven JVMs share this machine: C1 only, so that C2's compiler threads do not starve the services
                // while they warm up (measured in docs/benchmarks.md). A pod with CPUs of its own keeps C2.
                env.getOrDefault("ADUAN_SERVICE_JAVA_OPTS",
                        "-Xms64m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"),
                javaOpts,
                new EnumMap<>(Service.class));
    }

    /** A copy with extra environment for one service. */
    public StackSettings withServiceEnv(Service service, Map<String, String> extra) {
        Map<Service, Map<String, String>> env = new EnumMap<>(Service.class);
        env.putAll(serviceEnv);
        Map<String, String> merged = new LinkedHashMap<>(serviceEnv.getOrDefault(service, Map.of()));
        merged.putAll(extra);
        env.put(service, merged);
        return new StackSettings(repo, home, launcherClasspath, bindHost, externalKafka, kafkaPort,
                kafkaControllerPort, kafkaPartitions, externalDbUrl, dbUser, dbPassword, dbPort, keycloakHome,
                keycloakPort, externalOidc, ports, serviceJavaOpts, javaOptsByService, env);
    }

    /** The JVM options of one service: its own variable if set, else {@code ADUAN_SERVICE_JAVA_OPTS}'s. */
    public String javaOpts(Service service) {
        return javaOptsByService.getOrDefault(service, serviceJavaOpts);
    }

    public Path logs() {
        return home.resolve("logs");
    }

    public Path run() {
        return home.resolve("run");
    }

    public int port(Service service) {
        return ports.get(service);
    }

    public String url(Service service) {
        return "http://" + ("0.0.0.0".equals(bindHost) ? "127.0.0.1" : bindHost) + ":" + port(service);
    }

    private static int intOf(Map<String, String> env, String name, int fallback) {
        String value = blankToNull(env.get(name));
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not '" + value + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
