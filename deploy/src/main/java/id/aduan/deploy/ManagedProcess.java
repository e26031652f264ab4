package id.aduan.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM of the launcher: its log goes to {@code logs/<name>.log} and its pid to {@code run/<name>.pid}, so
 * that {@code ./aduan down} can find it even if the launcher itself was killed.
 */
final class ManagedProcess {

    private final String name;
    private final StackSettings settings;
    private Process process;

    ManagedProcess(String name, StackSettings settings) {
        this.name = name;
        this.settings = settings;
    }

    void start(List<String> command, Map<String, String> environment) {
        try {
            Files.createDirectories(settings.logs());
            Files.createDirectories(settings.run());
            Files.writeString(log(), "---- " + java.time.OffsetDateTime.now() + " starting " + name + " ----\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(ownSession(command))
                    .directory(settings.home().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
            Files.writeString(pidFile(), Long.toString(process.pid()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /**
     * Runs the command in a session of its own where setsid exists (Linux): a Ctrl-C in the terminal then reaches
     * only the launcher, which stops the services before Kafka, so that consumers leave their groups cleanly.
     */
    private static List<String> ownSession(List<String> command) {
        for (String setsid : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(setsid))) {
                List<String> wrapped = new ArrayList<>(command.size() + 1);
                wrapped.add(setsid);
                wrapped.addAll(command);
                return wrapped;
            }
        }
        return command;
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGTERM, then SIGKILL if it has not stopped within the grace period. */
    void stop(Duration grace) {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        deletePidFile();
    }

    /** SIGKILL, as a crash would: no shutdown hooks, no commits. */
    void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        deletePidFile();
    }

    long pid() {
        return process == null ? -1 : process.pid();
    }

    Integer exitCode() {
        return process == null || process.isAlive() ? null : process.exitValue();
    }

    Path log() {
        return settings.logs().resolve(name + ".log");
    }

    /** The last lines of its log, to show why it did not start. */
    String tail(int lines) {
        try {
            List<String> all = Files.exists(log()) ? Files.readAllLines(log(), StandardCharsets.UTF_8)
                    : new ArrayList<>();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private Path pidFile() {
        return settings.run().resolve(name + ".pid");
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            // A stale pid file is checked against the live process before use.
        }
    }
}
