package id.aduan.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.aduan.deploy.bench.Bench;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The launcher behind {@code ./aduan}: {@code up} runs the stack in the foreground until Ctrl-C or SIGTERM,
 * {@code down} stops a running one, {@code status} says what runs, {@code bench} measures it.
 */
public final class Aduan {

    private static final PrintStream OUT = System.out;

    private Aduan() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "help" : args[0];
        StackSettings settings = StackSettings.fromEnvironment(System.getenv(),
                Path.of(System.getProperty("aduan.repo", ".")).toAbsolutePath().normalize(),
                System.getProperty("aduan.launcher.classpath", System.getProperty("java.class.path")));
        int code = switch (command) {
            case "up" -> up(settings);
            case "down" -> down(settings);
            case "status" -> status(settings);
            case "bench" -> Bench.run(settings, System.getenv(), OUT,
                    java.util.Arrays.copyOfRange(args, 1, args.length));
            default -> {
                OUT.println("usage: ./aduan up [-d] | down | status | logs <service> | bench [inbox | routing | sla]");
                yield "help".equals(command) ? 0 : 2;
            }
        };
        System.exit(code);
    }

    static int up(StackSettings settings) throws IOException, InterruptedException {
        Optional<ProcessHandle> running = Leftovers.runningLauncher(settings);
        if (running.isPresent()) {
            OUT.println("Aduan is already running (launcher pid " + running.get().pid() + "). "
                    + "See ./aduan status, or stop it with ./aduan down.");
            return 1;
        }
        Files.createDirectories(settings.run());
        Path pidFile = settings.run().resolve(Leftovers.LAUNCHER + ".pid");
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));

        OUT.println("Aduan: starting on this machine (data in " + settings.home() + ")");
        Stack stack = new Stack(settings, Progress.to(OUT));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            OUT.println();
            OUT.println("Stopping Aduan ...");
            stack.close();
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                // the next up checks whether the pid is alive
            }
        }, "aduan-stop"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            OUT.println();
            OUT.println("Aduan did not start: " + e.getMessage());
            OUT.println("Logs: " + settings.logs());
            return 1;
        }
        OUT.println();
        OUT.println("Aduan is up:");
        stack.urls().forEach((name, url) -> OUT.printf("  %-30s %s%n", name, url));
        if (!stack.users().isEmpty()) {
            OUT.println();
            OUT.println("Sample users of realm aduan (for local use only; passwords generated for this data folder):");
            stack.users().forEach((user, password) -> OUT.printf("  %-15s %s%n", user, password));
        }
        OUT.println();
        // ./aduan up -d waits for this line.
        OUT.println("Logs in " + settings.logs() + " (./aduan logs <service>)."
                + (System.console() != null ? " Press Ctrl-C to stop." : ""));
        OUT.flush();
        watch(stack);
        return 0;
    }

    /** Tells when a service dies under the stack, instead of leaving a silent hole. */
    private static void watch(Stack stack) throws InterruptedException {
        boolean[] reported = new boolean[Service.values().length];
        while (true) {
            Thread.sleep(2000);
            for (Service s : Service.values()) {
                boolean alive = stack.isAlive(s);
                if (!alive && !reported[s.ordinal()]) {
                    OUT.println("WARNING: " + s.module() + " has stopped; see ./aduan logs " + s.module());
                }
                reported[s.ordinal()] = !alive;
            }
        }
    }

    static int down(StackSettings settings) {
        Optional<ProcessHandle> launcher = Leftovers.runningLauncher(settings);
        if (launcher.isPresent()) {
            OUT.println("Stopping Aduan (launcher pid " + launcher.get().pid() + ") ...");
            Leftovers.stop(launcher.get(), Duration.ofSeconds(120));
        }
        Leftovers.clean(settings, Progress.to(OUT));
        OUT.println(launcher.isPresent() ? "Aduan stopped." : "Aduan was not running.");
        return 0;
    }

    static int status(StackSettings settings) throws IOException {
        Optional<ProcessHandle> launcher = Leftovers.runningLauncher(settings);
        Path state = Stack.stateFile(settings);
        if (launcher.isEmpty() || !Files.exists(state)) {
            OUT.println("Aduan is not running (data in " + settings.home() + ").");
            return 3;
        }
        JsonNode doc = new ObjectMapper().readTree(state.toFile());
        OUT.println("Aduan is " + doc.path("state").asText().toLowerCase() + " (launcher pid "
                + launcher.get().pid() + ", data in " + settings.home() + ")");
        OUT.printf("  %-17s %-8s %s%n", "kafka", pidState(settings, "kafka"), doc.path("kafkaBootstrap").asText());
        long postmaster = PostgresNode.postmasterPid(settings.home());
        OUT.printf("  %-17s %-8s %s%n", "postgres",
                postmaster > 0 && ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false) ? "running"
                        : settings.externalDbUrl().isPresent() ? "external" : "down",
                PostgresNode.redacted(doc.path("jdbcUrl").asText()));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (Map.Entry<String, JsonNode> service : doc.path("services").properties()) {
            String url = service.getValue().asText();
            OUT.printf("  %-17s %-8s %s%n", service.getKey(), health(http, url), url);
        }
        return 0;
    }

    private static String pidState(StackSettings settings, String name) {
        if (settings.externalKafka().isPresent() && name.equals("kafka")) {
            return "external";
        }
        try {
            long pid = Long.parseLong(Files.readString(settings.run().resolve(name + ".pid")).trim());
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) ? "running" : "down";
        } catch (IOException | NumberFormatException e) {
            return "down";
        }
    }

    private static String health(HttpClient http, String baseUrl) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 ? "ready" : "unready";
        } catch (IOException e) {
            return "down";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
