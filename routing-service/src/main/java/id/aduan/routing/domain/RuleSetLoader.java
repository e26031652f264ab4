package id.aduan.routing.domain;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads a YAML rules file (see {@code rules/bengkulu.yaml}) into a validated {@link RuleSet}. */
public final class RuleSetLoader {

    public static final String BUILT_IN = "rules/bengkulu.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private RuleSetLoader() {
    }

    public static RuleSet fromFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read rules file " + file, e);
        }
    }

    public static RuleSet fromClasspath(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing rules resource " + resource);
            }
            return read(resource, in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read rules resource " + resource, e);
        }
    }

    private static RuleSet read(String source, InputStream in) throws IOException {
        RulesFile file;
        try {
            file = YAML.readValue(in, RulesFile.class);
        } catch (JacksonException e) {
            throw new InvalidRuleSetException(source, List.of("not a valid rules file: " + e.getOriginalMessage()));
        }
        return RuleSet.of(source, file.version(), file.triage(), file.opds(), file.rules());
    }

    private record RulesFile(String version, String triage, List<Opd> opds, List<Rule> rules) {
    }
}
