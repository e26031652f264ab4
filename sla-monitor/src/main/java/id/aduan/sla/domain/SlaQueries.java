package id.aduan.sla.domain;

import id.aduan.events.EventEnvelope;
import id.aduan.sla.persistence.SlaClock;
import id.aduan.sla.persistence.SlaClockRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Reads of the clocks. */
@ApplicationScoped
public class SlaQueries {

    @Inject
    SlaClockRepository clocks;

    @Inject
    Clock clock;

    @WithSession
    public Uni<List<SlaClock>> overdue(String opdCode, int limit) {
        return clocks.overdue(EventEnvelope.now(clock), opdCode, limit);
    }

    @WithSession
    public Uni<SlaClock> clock(UUID complaintId) {
        return clocks.findById(complaintId);
    }
}
