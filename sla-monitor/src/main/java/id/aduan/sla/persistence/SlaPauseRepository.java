package id.aduan.sla.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The spans each clock stood still (table sla_pause), written in the projection's transaction. */
@ApplicationScoped
public class SlaPauseRepository {

    /** From when to when a clock stood still. */
    public record Pause(OffsetDateTime from, OffsetDateTime to) {
    }

    public Uni<Void> record(UUID complaintId, List<Pause> stood) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Pause pause : stood) {
            chain = chain.chain(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                            "insert into {h-schema}sla_pause (complaint_id, paused_from, paused_to)"
                                    + " values (?1, ?2, ?3) on conflict do nothing")
                    .setParameter(1, complaintId).setParameter(2, pause.from()).setParameter(3, pause.to())
                    .executeUpdate())).replaceWithVoid();
        }
        return chain;
    }

    /** The pauses of these clocks, by clock. */
    public Uni<Map<UUID, List<Pause>>> of(Collection<UUID> complaintIds) {
        if (complaintIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select complaint_id, paused_from, paused_to from {h-schema}sla_pause"
                                + " where complaint_id in (?1) order by complaint_id, paused_from", Object[].class)
                .setParameter(1, complaintIds).getResultList())
                .map(rows -> {
                    Map<UUID, List<Pause>> byClock = new LinkedHashMap<>();
                    for (Object[] row : rows) {
                        byClock.computeIfAbsent((UUID) row[0], id -> new ArrayList<>())
                                .add(new Pause(time(row[1]), time(row[2])));
                    }
                    return byClock;
                });
    }

    /** A timestamptz as the driver gives it: an OffsetDateTime, an Instant or a Timestamp. */
    private static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        Instant instant = value instanceof Instant i ? i : ((Date) value).toInstant();
        return instant.atOffset(ZoneOffset.UTC);
    }
}
