package id.aduan.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The ./aduan script itself, as a person runs it: up in the foreground and Ctrl-C (SIGINT), then up -d, status,
 * a second up that keeps the data, and down. After each stop, no process of the stack is left.
 */
class LauncherIT {

    private final Path repo = Path.of(System.getProperty("aduan.repo", "..")).toAbsolutePath().normalize();

    @Test
    void upCtrlCUpDetachedStatusAndDownLeaveNothingRunning() throws Exception {
        Map<String, String> env = environment();
        Path home = Path.of(env.get("ADUAN_HOME"));
        String intake = "http://127.0.0.1:" + env.get("ADUAN_INTAKE_PORT");
        String inbox = "http://127.0.0.1:" + env.get("ADUAN_INBOX_PORT");

        // ./aduan up, in the foreground
        Path foregroundLog = home.resolve("foreground.log");
        Files.createDirectories(home);
        Process up = script(env, foregroundLog, "up");
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500))
                .until(() -> !up.isAlive() || read(foregroundLog).contains("Logs in "));
        assertThat(up.isAlive()).as("./aduan up exited early:%n%s", read(foregroundLog)).isTrue();
        assertThat(read(foregroundLog)).contains("Aduan is up:", intake + "/api/v1/complaints");
        List<Long> pids = stackPids(home);
        assertThat(pids).hasSizeGreaterThanOrEqualTo(7); // kafka, keycloak, postgres, four services
        assertThat(pids).allMatch(LauncherIT::alive);

        String tracking = given().baseUri(intake).contentType(ContentType.JSON)
                .body(Map.of("category", "road", "region", "1771", "description", "Uji peluncur: jalan berlubang"))
                .post("/api/v1/complaints").then().statusCode(202).extract().path("trackingNumber");
        // The printed sample users log in to the real Keycloak; staff of the road OPD see it.
        Properties users = new Properties();
        users.load(new java.io.StringReader(Files.readString(home.resolve("keycloak/secrets.properties"))));
        assertThat(read(foregroundLog)).contains("staf.pupr", users.getProperty("staf.pupr"));
        String token = Tokens.of("http://127.0.0.1:" + env.get("ADUAN_KEYCLOAK_PORT") + "/realms/aduan", "staf.pupr",
                users.getProperty("staf.pupr"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(inbox).auth().oauth2(token)
                .get("/api/v1/inbox/complaints").then().body("items.trackingNumber", hasItem(tracking)));

        // Ctrl-C: the terminal sends SIGINT to the launcher
        new ProcessBuilder("kill", "-INT", Long.toString(up.pid())).start().waitFor();
        assertThat(up.waitFor(120, TimeUnit.SECONDS)).as("launcher still running after SIGINT").isTrue();
        assertThat(read(foregroundLog)).contains("Aduan stopped.");
        await().atMost(Duration.ofSeconds(30)).until(() -> pids.stream().noneMatch(LauncherIT::alive));

        // ./aduan up -d returns once ready; status says so; the data of the first up is still there
        Process detached = script(env, home.resolve("detached.log"), "up", "-d");
        assertThat(detached.waitFor(240, TimeUnit.SECONDS)).isTrue();
        assertThat(detached.exitValue()).as(read(home.resolve("detached.log"))).isZero();
        Process status = script(env, home.resolve("status.log"), "status");
        assertThat(status.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(read(home.resolve("status.log"))).contains("Aduan is ready").contains("complaint-intake  ready");
        given().baseUri(intake).get("/api/v1/complaints/" + tracking).then().statusCode(200)
                .body("status", equalTo("ROUTED"));
        List<Long> detachedPids = stackPids(home);
        assertThat(detachedPids).allMatch(LauncherIT::alive);

        Process down = script(env, home.resolve("down.log"), "down");
        assertThat(down.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(read(home.resolve("down.log"))).contains("Aduan stopped.");
        await().atMost(Duration.ofSeconds(30)).until(() -> detachedPids.stream().noneMatch(LauncherIT::alive));
        Process after = script(env, home.resolve("status-after.log"), "status");
        after.waitFor(60, TimeUnit.SECONDS);
        assertThat(read(home.resolve("status-after.log"))).contains("Aduan is not running");
    }

    private Process script(Map<String, String> env, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("bash");
        command.add(repo.resolve("aduan").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Every process the stack recorded: its pid files and PostgreSQL's postmaster. */
    private static List<Long> stackPids(Path home) throws IOException {
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(home.resolve("run"), "*.pid")) {
            for (Path file : files) {
                pids.add(Long.parseLong(Files.readString(file).trim()));
            }
        }
        pids.add(Long.parseLong(Files.readAllLines(home.resolve("postgres/postmaster.pid")).get(0).trim()));
        return pids;
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private static Map<String, String> environment() throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("ADUAN_HOME", Files.createTempDirectory("aduan-launcher-test").toString());
        env.put("ADUAN_KAFKA_PORT", Integer.toString(freePort()));
        env.put("ADUAN_KAFKA_CONTROLLER_PORT", Integer.toString(freePort()));
        env.put("ADUAN_DB_PORT", Integer.toString(freePort()));
        env.put("ADUAN_KEYCLOAK_PORT", Integer.toString(freePort()));
        for (Service s : Service.values()) {
            env.put(s.portVariable(), Integer.toString(freePort()));
        }
        return env;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
