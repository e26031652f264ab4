package id.aduan.support.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.aduan.support.problem.ProblemException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void parsesCanonicalUuids() {
        UUID id = UUID.randomUUID();
        assertThat(Ids.uuid(id.toString())).isEqualTo(id);
        assertThat(Ids.uuid(id.toString().toUpperCase())).isEqualTo(id);
    }

    @Test
    void refusesWhatUuidFromStringWouldStretch() {
        for (String bad : new String[] {"1-2-3-4-5", "not-an-id", "", "3f2b6c1e-8d4a-4f0e-9b7c-1a2b3c4d5e6g"}) {
            assertThatThrownBy(() -> Ids.uuid(bad)).isInstanceOfSatisfying(ProblemException.class, e -> {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.slug()).isEqualTo("malformed-id");
            });
        }
    }

    @Test
    void echoesAtMostAShortPrefix() {
        assertThatThrownBy(() -> Ids.uuid("x".repeat(5000))).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.args()[0].toString()).hasSize(65));
    }
}
