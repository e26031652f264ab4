package id.aduan.deploy;

import java.io.PrintStream;
import java.time.Duration;

/** What the stack tells a person while it starts and stops. */
interface Progress {

    void starting(String component, String description);

    void ready(String component, Duration took);

    void waiting(java.util.Collection<String> components, Duration elapsed);

    void info(String line);

    /** Plain lines on a stream, fit for a terminal or a log file. */
    static Progress to(PrintStream out) {
        return new Progress() {
            @Override
            public void starting(String component, String description) {
                out.printf("  %-17s starting  %s%n", component, description);
            }

            @Override
            public void ready(String component, Duration took) {
                out.printf("  %-17s ready     in %.1f s%n", component, took.toMillis() / 1000.0);
            }

            @Override
            public void waiting(java.util.Collection<String> components, Duration elapsed) {
                out.printf("  ... %d s: waiting for %s%n", elapsed.toSeconds(), String.join(", ", components));
            }

            @Override
            public void info(String line) {
                out.println(line);
            }
        };
    }

    static Progress silent() {
        return new Progress() {
            @Override
            public void starting(String component, String description) {
            }

            @Override
            public void ready(String component, Duration took) {
            }

            @Override
            public void waiting(java.util.Collection<String> components, Duration elapsed) {
            }

            @Override
            public void info(String line) {
            }
        };
    }
}
