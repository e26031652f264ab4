package id.aduan.routing.config;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.events.Category;
import id.aduan.events.ComplaintSnapshot;
import id.aduan.routing.domain.Router;
import id.aduan.routing.domain.RuleSetLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesReloaderTest {

    private static String builtIn() throws IOException {
        try (InputStream in = RulesReloaderTest.class.getClassLoader().getResourceAsStream(RuleSetLoader.BUILT_IN)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aSavedFileIsRoutedWithAtOnceAndABadOneIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("rules.yaml");
        String original = builtIn();
        Files.writeString(file, original);
        Router router = new Router(RuleSetLoader.fromFile(file));
        RulesReloader reloader = new RulesReloader();
        reloader.router = router;
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
    }

    private static ComplaintSnapshot school(String text) {
        return new ComplaintSnapshot("ADU-AAAA-BBBB-CCCC-DDDD", Category.SCHOOL, "1708", text, null, null, "api",
                OffsetDateTime.parse("2026-11-26T09:00:00+07:00"));
    }
}
