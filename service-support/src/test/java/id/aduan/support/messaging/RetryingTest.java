package id.aduan.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryingTest {

    @Test
    void transientFailuresAreRetriedUntilTheWorkSucceeds() {
        AtomicInteger attempts = new AtomicInteger();
        String result = Retrying.untilDone("test", () -> attempts.incrementAndGet() < 4
                        ? Uni.createFrom().failure(new ConnectException("Connection refused"))
                        : Uni.createFrom().item("done"), Duration.ofMillis(5), Duration.ofMillis(20))
                .await().atMost(Duration.ofSeconds(5));

        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(4);
    }

    @Test
    void otherFailuresEndTheAttemptAtOnce() {
        AtomicInteger attempts = new AtomicInteger();
        Uni<String> work = Retrying.untilDone("test", () -> {
            attempts.incrementAndGet();
            return Uni.createFrom().failure(new PoisonEventException("no OPD"));
        }, Duration.ofMillis(5), Duration.ofMillis(20));

        assertThatThrownBy(() -> work.await().atMost(Duration.ofSeconds(5)))
                .isInstanceOf(PoisonEventException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aSupplierThatThrowsIsAFailureNotACrash() {
        Uni<String> work = Retrying.untilDone("test", () -> {
            throw new IllegalStateException("bug");
        }, Duration.ofMillis(5), Duration.ofMillis(20));

        assertThatThrownBy(() -> work.await().atMost(Duration.ofSeconds(5)))
                .isInstanceOf(IllegalStateException.class).hasMessage("bug");
    }
}
