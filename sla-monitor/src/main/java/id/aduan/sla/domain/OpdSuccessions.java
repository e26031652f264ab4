package id.aduan.sla.domain;

import id.aduan.events.EventEnvelope;
import id.aduan.events.OpdMerged;
import id.aduan.support.messaging.PoisonEventException;
import id.aduan.support.messaging.ProcessedEvents;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The OPD mergers the directory announced: from its day, a merged OPD's complaints count under its successor in the
 * ranking (the inbox moves the open ones too; closed ones keep their old OPD, and count under the successor here).
 */
@ApplicationScoped
public class OpdSuccessions {

    static final String CONSUMER = "sla-directory";
    private static final int MAX_CHAIN = 10;

    /** Who an OPD's complaints count under, and its name. */
    public record Successor(String code, String name) {
    }

    private record Merger(String into, String name, LocalDate on) {
    }

    @Inject
    Pool pool;

    @WithTransaction
    public Uni<Void> apply(EventEnvelope event) {
        if (!(event.payload() instanceof OpdMerged merged)) {
            return Uni.createFrom().voidItem();
        }
        if (merged.fromOpdCodes() == null || merged.fromOpdCodes().isEmpty() || merged.intoOpdCode() == null
                || merged.effectiveOn() == null || merged.fromOpdCodes().contains(merged.intoOpdCode())) {
            return Uni.createFrom().failure(new PoisonEventException("OpdMerged " + event.eventId()
                    + " lacks its OPDs or day, or merges an OPD into itself"));
        }
        return ProcessedEvents.claim(CONSUMER, event.eventId()).chain(first -> {
            if (!first) {
                return Uni.createFrom().voidItem();
            }
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (String from : merged.fromOpdCodes()) {
                chain = chain.chain(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                                "insert into {h-schema}opd_succession (from_code, into_code, into_name, effective_on,"
                                        + " event_id) values (?1, ?2, ?3, ?4, ?5) on conflict (from_code) do update"
                                        + " set into_code = excluded.into_code, into_name = excluded.into_name,"
                                        + " effective_on = excluded.effective_on, event_id = excluded.event_id")
                        .setParameter(1, from).setParameter(2, merged.intoOpdCode())
                        .setParameter(3, merged.intoOpdName()).setParameter(4, merged.effectiveOn())
                        .setParameter(5, event.eventId()).executeUpdate()).replaceWithVoid());
            }
            return chain;
        });
    }

    /** Every OPD merged on or before {@code day}, with the last successor by then (following mergers of mergers). */
    public Uni<Map<String, Successor>> asOf(LocalDate day) {
        return pool.query("select from_code, into_code, into_name, effective_on from sla.opd_succession").execute()
                .map(rows -> {
                    Map<String, Merger> mergers = new HashMap<>();
                    for (Row row : rows) {
                        if (!row.getLocalDate("effective_on").isAfter(day)) {
                            mergers.put(row.getString("from_code"), new Merger(row.getString("into_code"),
                                    row.getString("into_name"), row.getLocalDate("effective_on")));
                        }
                    }
                    Map<String, Successor> last = new LinkedHashMap<>();
                    mergers.forEach((from, merger) -> {
                        Merger at = merger;
                        for (int i = 0; i < MAX_CHAIN && mergers.containsKey(at.into()); i++) {
                            at = mergers.get(at.into());
                        }
                        last.put(from, new Successor(at.into(), at.name()));
                    });
                    return last;
                });
    }
}
