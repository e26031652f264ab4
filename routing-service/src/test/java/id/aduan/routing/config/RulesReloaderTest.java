package id.aduan.routing.config;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.events.Category;
import id.aduan.events.ComplaintSnapshot;
import id.aduan.routing.domain.Router;
import id.aduan.routing.domain.RuleSetLoader;
import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.TestOidc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A saved rules file is routed with at once, with the stored directory; a bad one is refused. */
@QuarkusTest
@TestProfile(RulesReloaderTest.WithRulesFile.class)
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
@WithTestResource(TestOidc.class)
class RulesReloaderTest {

    /** The service starts on a copy of the built-in rules in a file it watches. */
    public static class WithRulesFile implements QuarkusTestProfile {

        static final Path FILE;

        static {
            try {
                FILE = Files.createTempFile("aduan-rules", ".yaml");
                FILE.toFile().deleteOnExit();
                Files.writeString(FILE, builtIn());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // Checked by the test itself, not by the schedule.
            return Map.of("aduan.routing.rules-file", FILE.toString(), "aduan.routing.reload-every", "1h");
        }
    }

    @Inject
    RulesReloader reloader;

    @Inject
    Router router;

    private static String builtIn() throws IOException {
        try (InputStream in = RulesReloaderTest.class.getClassLoader().getResourceAsStream(RuleSetLoader.BUILT_IN)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aSavedFileIsRoutedWithAtOnceAndABadOneIsRefused() throws IOException {
        Path file = WithRulesFile.FILE;
        String original = builtIn();
        assertThat(reloader.reloadIfChanged(file)).isEmpty(); // the file it started with

        // Schools of Kepahiang now go to one office for all levels: a new version, no restart.
        Files.writeString(file, original.replace("version: \"2026.2\"", "version: \"2026.3\"")
                .replace("keywords: [sma, sman, sma negeri, smk, smkn, smk negeri, slb, sekolah luar biasa, "
                        + "sekolah menengah atas]", "keywords: [tidak-pernah-ada]"));
        assertThat(reloader.reloadIfChanged(file)).isPresent();
        assertThat(router.rules().version()).isEqualTo("2026.3");
        assertThat(router.route(school("Guru SMA jarang masuk")).opdCode()).isEqualTo("DIKBUD-PROV");
        assertThat(router.route(school("Guru SMA jarang masuk")).ruleId()).isEqualTo("school-province");

        // A file that leaves schools without an OPD anywhere is refused; the rules in force stay.
        Files.writeString(file, original.replace("version: \"2026.2\"", "version: \"2026.4\"")
                .replace("  - id: school-province\n    category: school", "  - id: school-province\n    category: other"));
        assertThat(reloader.reloadIfChanged(file)).isEmpty();
        assertThat(router.rules().version()).isEqualTo("2026.3");

        // Unchanged again: nothing to do.
        assertThat(reloader.reloadIfChanged(file)).isEmpty();

        // Back to the original for whoever runs next in this JVM.
        Files.writeString(file, original);
        assertThat(reloader.reloadIfChanged(file)).isPresent();
    }

    private static ComplaintSnapshot school(String text) {
        return new ComplaintSnapshot("ADU-AAAA-BBBB-CCCC-DDDD", Category.SCHOOL, "1708", text, null, null, "api",
                OffsetDateTime.parse("2026-11-26T09:00:00+07:00"));
    }
}
