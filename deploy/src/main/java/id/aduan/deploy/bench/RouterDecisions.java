package id.aduan.deploy.bench;

import id.aduan.events.ComplaintSnapshot;
import id.aduan.events.ComplaintSubmitted;
import id.aduan.events.Wib;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The in-memory half of {@code ./aduan bench routing}, run as a JVM of its own (with the JVM options given):
 * routing-service's own {@code Router} with its built-in rules, loaded from the service's jar, deciding the bench's
 * complaints on one thread. No Kafka, no JSON: an upper bound of what the router could do, not its throughput.
 * Prints {@code decisions/s <median> <best>} of 10 one-second rounds after 5 s of warm-up.
 */
public final class RouterDecisions {

    private static final int COMPLAINTS = 100_000;

    private RouterDecisions() {
    }

    public static void main(String[] args) throws Throwable {
        Path appDir = Path.of(args[0]);
        URL[] jars;
        try (Stream<Path> files = Files.list(appDir)) {
            jars = files.filter(f -> f.toString().endsWith(".jar")).map(RouterDecisions::url).toArray(URL[]::new);
        }
        // The service's classes over the launcher's (complaint-events, Jackson, SnakeYAML: the same versions).
        ClassLoader loader = new URLClassLoader(jars, RouterDecisions.class.getClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        Class<?> ruleSet = loader.loadClass("id.aduan.routing.domain.RuleSet");
        Class<?> routerClass = loader.loadClass("id.aduan.routing.domain.Router");
        Class<?> ruleSetLoader = loader.loadClass("id.aduan.routing.domain.RuleSetLoader");
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        Object rules = lookup.findStatic(ruleSetLoader, "fromClasspath", MethodType.methodType(ruleSet, String.class))
                .invoke("rules/bengkulu.yaml");
        Object router = lookup.findConstructor(routerClass, MethodType.methodType(void.class, ruleSet)).invoke(rules);
        Class<?> decision = loader.loadClass("id.aduan.events.RoutingDecision");
        MethodHandle route = lookup.findVirtual(routerClass, "route",
                MethodType.methodType(decision, ComplaintSnapshot.class, LocalDate.class)).bindTo(router);
        MethodHandle opdCode = lookup.findVirtual(decision, "opdCode", MethodType.methodType(String.class));

        Random random = new Random(20261127L);
        ComplaintSnapshot[] complaints = new ComplaintSnapshot[COMPLAINTS];
        for (int i = 0; i < COMPLAINTS; i++) {
            complaints[i] = RoutingBench.submission(random, i).payload(ComplaintSubmitted.class).orElseThrow()
                    .complaint();
        }
        LocalDate today = LocalDate.now(Wib.ZONE);
        long sink = 0;
        int next = 0;
        long warmEnd = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < warmEnd) {
            for (int k = 0; k < 1000; k++) {
                sink += ((String) opdCode.invoke(route.invoke(complaints[next], today))).length();
                next = (next + 1) % COMPLAINTS;
            }
        }
        double[] rounds = new double[10];
        for (int r = 0; r < rounds.length; r++) {
            long t0 = System.nanoTime();
            long end = t0 + 1_000_000_000L;
            long done = 0;
            while (System.nanoTime() < end) {
                for (int k = 0; k < 1000; k++) {
                    sink += ((String) opdCode.invoke(route.invoke(complaints[next], today))).length();
                    next = (next + 1) % COMPLAINTS;
                }
                done += 1000;
            }
            rounds[r] = done / ((System.nanoTime() - t0) / 1e9);
        }
        Arrays.sort(rounds);
        System.out.println("(checksum " + sink + ")");
        System.out.printf(java.util.Locale.ROOT, "decisions/s %.0f %.0f%n", (rounds[4] + rounds[5]) / 2,
                rounds[rounds.length - 1]);
    }

    private static URL url(Path file) {
        try {
            return file.toUri().toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
