package id.aduan.inbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.inbox.persistence.StaffMemberRepository;
import id.aduan.support.security.Caller;
import id.aduan.support.time.ControllableClock;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A staff member is recorded at most once an hour of the service's clock. */
class StaffDirectoryTest {

    @Test
    void aStaffMemberIsRecordedAgainOnlyAfterAnHourOfTheServiceClock() {
        AtomicInteger writes = new AtomicInteger();
        StaffDirectory directory = new StaffDirectory();
        directory.staff = new StaffMemberRepository() {
            @Override
            public Uni<Integer> seen(String subject, String username, String opdCode) {
                writes.incrementAndGet();
                return Uni.createFrom().item(1);
            }
        };
        ControllableClock clock = new ControllableClock(Clock.systemUTC());
        directory.clock = clock;
        Caller staff = new Caller("subject-1", "staf.dinkes", Optional.of("DINKES-PROV"), true, false, false);

        directory.seen(staff).await().indefinitely();
        clock.advance(Duration.ofMinutes(59));
        directory.seen(staff).await().indefinitely();
        assertThat(writes).hasValue(1);
        clock.advance(Duration.ofMinutes(2));
        directory.seen(staff).await().indefinitely();
        assertThat(writes).hasValue(2);
    }
}
