package id.aduan.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {

    @Test
    void connectionFailuresAreTransientAlsoWhenWrapped() {
        assertThat(TransientFailures.isTransient(new ConnectException("Connection refused"))).isTrue();
        assertThat(TransientFailures.isTransient(new CompletionException(new TimeoutException()))).isTrue();
        assertThat(TransientFailures.isTransient(new IllegalStateException("x", new ConnectException()))).isTrue();
        assertThat(TransientFailures.isTransient(new IllegalStateException("Session/EntityManager is closed")))
                .isTrue();
    }

    @Test
    void bugsAndPoisonAreNot() {
        assertThat(TransientFailures.isTransient(new NullPointerException())).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("bad value"))).isFalse();
        assertThat(TransientFailures.isTransient(new PoisonEventException("no OPD"))).isFalse();
        assertThat(TransientFailures.isTransient(new PoisonEventException("Timeout in text is not a timeout")))
                .isFalse();
    }
}
