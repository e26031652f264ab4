package id.aduan.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.deploy.StackSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench's own package, reached from the launcher without a stack. */
class BenchTest {

    @TempDir
    Path home;

    @Test
    void everyBenchRefusesToRunWithoutAStack() throws Exception {
        StackSettings settings = StackSettings.fromEnvironment(Map.of("ADUAN_HOME", home.toString()), home, "");
        for (String kind : new String[] {null, "inbox", "routing", "sla"}) {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            String[] args = kind == null ? new String[0] : new String[] {kind};
            int code = Bench.run(settings, Map.of(), new PrintStream(printed, true, StandardCharsets.UTF_8), args);
            assertThat(code).isEqualTo(1);
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Aduan is not running");
        }
    }

    @Test
    void percentilesAreNearestRank() {
        List<Long> values = List.of(5L, 1L, 4L, 2L, 3L);
        assertThat(Bench.percentile(values, 50)).isEqualTo(3.0);
        assertThat(Bench.percentile(values, 100)).isEqualTo(5.0);
        assertThat(Bench.percentile(List.of(), 50)).isNaN();
    }
}
