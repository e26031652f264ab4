package id.aduan.inbox.domain;

import id.aduan.inbox.persistence.StaffMember;
import id.aduan.inbox.persistence.StaffMemberRepository;
import id.aduan.support.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The staff of each OPD as the inbox has seen them: a staff member becomes assignable once they have used the
 * inbox. Recorded at most once an hour per person and process, so that reading the inbox costs no write.
 */
@ApplicationScoped
public class StaffDirectory {

    private static final long REFRESH_MILLIS = 3_600_000;

    @Inject
    StaffMemberRepository staff;

    @Inject
    Clock clock;

    private final Map<String, Long> recorded = new ConcurrentHashMap<>();

    /** Records the caller if they are staff of an OPD and were not recorded lately. */
    public Uni<Void> seen(Caller caller) {
        if (!(caller.staff() || caller.head()) || caller.opd().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String key = caller.subject() + "|" + caller.opd().get() + "|" + caller.username();
        Long last = recorded.get(key);
        long now = clock.millis();
        if (last != null && now - last < REFRESH_MILLIS) {
            return Uni.createFrom().voidItem();
        }
        return record(caller).invoke(() -> recorded.put(key, now));
    }

    @WithTransaction
    Uni<Void> record(Caller caller) {
        return staff.seen(caller.subject(), caller.username(), caller.opd().orElseThrow()).replaceWithVoid();
    }

    @WithSession
    public Uni<List<StaffMember>> ofOpd(String opdCode) {
        return staff.ofOpd(opdCode);
    }
}
