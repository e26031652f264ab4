package id.aduan.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    private static final Path REPO = Path.of("/tmp/aduan-repo");

    @Test
    void aServiceTakesItsOwnJvmOptionsWhenGivenAndTheSharedOnesOtherwise() {
        StackSettings settings = StackSettings.fromEnvironment(Map.of(
                "ADUAN_KEYCLOAK_HOME", "/tmp/kc",
                "ADUAN_SERVICE_JAVA_OPTS", "-Xmx300m -XX:TieredStopAtLevel=1",
                "ADUAN_INTAKE_JAVA_OPTS", "-Xmx512m -XX:CICompilerCount=2",
                "ADUAN_SLA_JAVA_OPTS", "  "), REPO, "cp");

        assertThat(settings.javaOpts(Service.INTAKE)).isEqualTo("-Xmx512m -XX:CICompilerCount=2");
        assertThat(settings.javaOpts(Service.INBOX)).isEqualTo("-Xmx300m -XX:TieredStopAtLevel=1");
        assertThat(settings.javaOpts(Service.SLA)).as("blank is unset").isEqualTo("-Xmx300m -XX:TieredStopAtLevel=1");
        // Kept through a copy with extra environment, as the system tests make.
        assertThat(settings.withServiceEnv(Service.ROUTING, Map.of("X", "1")).javaOpts(Service.INTAKE))
                .isEqualTo("-Xmx512m -XX:CICompilerCount=2");
    }

    @Test
    void withoutAnyTheServicesRunC1OnlyInASmallHeap() {
        StackSettings settings = StackSettings.fromEnvironment(Map.of("ADUAN_KEYCLOAK_HOME", "/tmp/kc"), REPO, "cp");
        for (Service s : Service.values()) {
            assertThat(settings.javaOpts(s)).contains("-XX:TieredStopAtLevel=1").contains("-Xmx384m");
        }
    }
}
