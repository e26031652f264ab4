package id.aduan.deploy;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Processes a previous launcher left behind when it was killed without its shutdown hook (kill -9, power cut):
 * found by their pid files and by PostgreSQL's postmaster.pid, and stopped before anything new starts.
 */
public final class Leftovers {

    static final String LAUNCHER = "launcher";

    private Leftovers() {
    }

    /** The pid of a running launcher of this data folder, other than this process. */
    public static Optional<ProcessHandle> runningLauncher(StackSettings settings) {
        return live(settings.run().resolve(LAUNCHER + ".pid"))
                .filter(p -> p.pid() != ProcessHandle.current().pid());
    }

    static void clean(StackSettings settings, Progress progress) {
        if (!Files.isDirectory(settings.run())) {
            return;
        }
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(settings.run(), "*.pid")) {
            for (Path pidFile : pids) {
                String name = pidFile.getFileName().toString().replace(".pid", "");
                if (name.equals(LAUNCHER)) {
                    continue;
                }
                live(pidFile).filter(Leftovers::isJava).ifPresent(p -> {
                    progress.info("  stopping " + name + " (pid " + p.pid() + ") left by an earlier run");
                    stop(p, Duration.ofSeconds(30));
                });
                Files.deleteIfExists(pidFile);
            }
        } catch (IOException e) {
            progress.info("  could not look for leftovers: " + e.getMessage());
        }
        long postmaster = PostgresNode.postmasterPid(settings.home());
        if (postmaster > 0) {
            ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                    .ifPresent(p -> {
                        progress.info("  stopping PostgreSQL (pid " + p.pid() + ") left by an earlier run");
                        stop(p, Duration.ofSeconds(60));
                    });
        }
    }

    static void stop(ProcessHandle process, Duration grace) {
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    private static boolean isJava(ProcessHandle p) {
        return p.info().command().map(c -> c.endsWith("java")).orElse(true);
    }

    private static Optional<ProcessHandle> live(Path pidFile) {
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
