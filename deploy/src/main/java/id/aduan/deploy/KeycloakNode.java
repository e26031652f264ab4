package id.aduan.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.aduan.deploy.Stack.Component;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keycloak, the OIDC provider: its Quarkus distribution from Maven Central (unpacked by the build into
 * deploy/target/keycloak), built once for PostgreSQL, storing its data in schema {@code keycloak} of the stack's
 * database. On first start the launcher creates realm {@value #REALM} with its roles and sample users, whose
 * passwords it generates per data folder and prints: they are for local use only. With {@code ADUAN_OIDC_URL}
 * set, no Keycloak is started and the services trust that realm instead.
 */
final class KeycloakNode implements Component {

    static final String REALM = "aduan";
    /** The sample users of realm-aduan.json, in the order they are printed. */
    static final List<String> USERS = List.of("staf.dinkes", "kepala.dinkes", "staf.pupr", "kepala.pupr", "gubernur",
            "admin.aduan", "staf.bench");
    private static final String BUILD_OPTIONS = "kc.db=postgres";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StackSettings settings;
    private final PostgresNode postgres;
    private final ManagedProcess process;

    KeycloakNode(StackSettings settings, PostgresNode postgres) {
        this.settings = settings;
        this.postgres = postgres;
        this.process = new ManagedProcess("keycloak", settings);
    }

    @Override
    public String name() {
        return "keycloak";
    }

    @Override
    public String describe() {
        return settings.externalOidc().isPresent() ? "external OIDC realm " + issuer()
                : "Keycloak " + settings.keycloakHome().getFileName() + " at " + baseUrl();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + settings.keycloakPort();
    }

    /** The issuer the services trust, for example http://127.0.0.1:8180/realms/aduan. */
    String issuer() {
        return settings.externalOidc().orElse(baseUrl() + "/realms/" + REALM);
    }

    @Override
    public void start() {
        if (settings.externalOidc().isPresent()) {
            return;
        }
        Path home = settings.keycloakHome();
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("Keycloak is missing at " + home + ": build first (./mvnw package)");
        }
        buildOnce(home);
        createSchema();
        Path tmp = settings.home().resolve("keycloak/tmp");
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", secrets().getProperty("admin"));
        env.put("KC_DB_PASSWORD", settings.dbPassword().isEmpty() ? "unused" : settings.dbPassword());
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        // C1 only, like the services; its temporary files in this data folder, so that stacks can share the build.
        env.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1 -Djava.io.tmpdir=" + tmp);
        process.start(List.of(home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + settings.keycloakPort(),
                "--hostname=" + baseUrl(), "--db-url=" + postgres.jdbcUrl(), "--db-schema=keycloak",
                "--db-username=" + settings.dbUser()), env);
    }

    @Override
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (settings.externalOidc().isEmpty() && !process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with code " + process.exitCode() + ":\n"
                        + process.tail(40));
            }
            try {
                if (settings.externalOidc().isEmpty()) {
                    if (get(baseUrl() + "/realms/master/.well-known/openid-configuration") != 200) {
                        KafkaNode.sleep(500);
                        continue;
                    }
                    ensureRealm();
                }
                int status = get(issuer() + "/.well-known/openid-configuration");
                if (status == 200) {
                    return;
                }
                last = "realm answered HTTP " + status;
            } catch (IOException e) {
                last = e.toString();
            }
            KafkaNode.sleep(500);
        }
        throw new IllegalStateException("Keycloak not ready after " + timeout.toSeconds() + " s (" + last + ")"
                + (settings.externalOidc().isEmpty() ? ":\n" + process.tail(40) : ""));
    }

    @Override
    public void stop() {
        process.stop(Duration.ofSeconds(30));
    }

    @Override
    public long pid() {
        return process.pid();
    }

    /** The sample users and their generated passwords (local use only); empty with an external realm. */
    Map<String, String> users() {
        Map<String, String> users = new LinkedHashMap<>();
        if (settings.externalOidc().isEmpty()) {
            Properties secrets = secrets();
            USERS.forEach(u -> users.put(u, secrets.getProperty(u)));
        }
        return users;
    }

    String adminPassword() {
        return secrets().getProperty("admin");
    }

    /** The unpacked distribution beside the launcher: deploy/target/keycloak/keycloak-VERSION. */
    static Path findDistribution(Path repo) {
        Path dir = repo.resolve("deploy/target/keycloak");
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> found = Files.newDirectoryStream(dir, "keycloak-*")) {
                for (Path candidate : found) {
                    return candidate;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir.resolve("keycloak");
    }

    /** Keycloak's build step (a few seconds), once per distribution, shared by every stack that uses it. */
    private void buildOnce(Path home) {
        Path buildProperties = home.resolve("lib/quarkus/build-system.properties");
        try (FileChannel channel = FileChannel.open(home.resolve(".aduan-build.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            if (Files.exists(buildProperties) && Files.readString(buildProperties).contains(BUILD_OPTIONS)) {
                return;
            }
            ManagedProcess build = new ManagedProcess("keycloak-build", settings);
            build.start(List.of(home.resolve("bin/kc.sh").toString(), "build", "--db=postgres", "--cache=local",
                    "--health-enabled=false", "--metrics-enabled=false"),
                    Map.of("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1"));
            Instant deadline = Instant.now().plusSeconds(300);
            while (build.isAlive() && Instant.now().isBefore(deadline)) {
                KafkaNode.sleep(500);
            }
            Integer code = build.exitCode();
            build.stop(Duration.ofSeconds(5));
            if (code == null || code != 0) {
                throw new IllegalStateException("Building Keycloak failed:\n" + build.tail(30));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build Keycloak in " + home, e);
        }
    }

    private void createSchema() {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), settings.dbUser(), settings.dbPassword());
                Statement s = c.createStatement()) {
            s.execute("create schema if not exists keycloak");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create Keycloak's schema", e);
        }
    }

    /** Creates realm aduan on the first start (on later starts it is in the database already). */
    private void ensureRealm() throws IOException {
        String token = adminToken();
        HttpResponse<String> existing = send(request(baseUrl() + "/admin/realms/" + REALM)
                .header("Authorization", "Bearer " + token).GET().build());
        if (existing.statusCode() == 200) {
            addMissingUsers(token);
            return;
        }
        HttpResponse<String> created = send(request(baseUrl() + "/admin/realms")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(realmJson())).build());
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException("Keycloak refused realm " + REALM + ": HTTP " + created.statusCode()
                    + " " + created.body());
        }
    }

    /** Sample users added to the file after this data folder's realm was created (existing users are kept). */
    private void addMissingUsers(String token) throws IOException {
        JsonNode users = JSON.readTree(realmJson()).get("users");
        String body = JSON.writeValueAsString(JSON.createObjectNode().put("ifResourceExists", "SKIP")
                .set("users", users));
        HttpResponse<String> imported = send(request(baseUrl() + "/admin/realms/" + REALM + "/partialImport")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (imported.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused the sample users: HTTP " + imported.statusCode() + " "
                    + imported.body());
        }
    }

    private String adminToken() throws IOException {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password="
                + URLEncoder.encode(adminPassword(), StandardCharsets.UTF_8);
        HttpResponse<String> response = send(request(baseUrl() + "/realms/master/protocol/openid-connect/token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        JsonNode body = JSON.readTree(response.body());
        if (response.statusCode() != 200 || !body.hasNonNull("access_token")) {
            throw new IOException("Keycloak admin login failed: HTTP " + response.statusCode());
        }
        return body.get("access_token").asText();
    }

    /** realm-aduan.json with each ${password:user} replaced by that user's generated password. */
    private String realmJson() throws IOException {
        String template;
        try (InputStream in = KeycloakNode.class.getResourceAsStream("realm-aduan.json")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Properties secrets = secrets();
        Matcher m = Pattern.compile("\\$\\{password:([a-z.]+)}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(secrets.getProperty(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Passwords of this data folder: generated on first use, kept in keycloak/secrets.properties (owner only). */
    private synchronized Properties secrets() {
        Path file = settings.home().resolve("keycloak/secrets.properties");
        Properties secrets = new Properties();
        try {
            List<String> names = new ArrayList<>(USERS);
            names.add("admin");
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    secrets.load(in);
                }
                if (names.stream().allMatch(secrets::containsKey)) {
                    return secrets;
                }
            } else {
                Files.createDirectories(file.getParent());
                Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            }
            for (String name : names) {
                if (!secrets.containsKey(name)) {
                    secrets.setProperty(name, randomPassword());
                }
            }
            try (var out = Files.newOutputStream(file)) {
                secrets.store(out, "Local-only passwords of this Aduan data folder (Keycloak admin and sample users)");
            }
            return secrets;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep Keycloak's passwords in " + file, e);
        }
    }

    private static String randomPassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    private static int get(String url) throws IOException {
        return send(request(url).GET().build()).statusCode();
    }

    private static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted", e);
        }
    }
}
