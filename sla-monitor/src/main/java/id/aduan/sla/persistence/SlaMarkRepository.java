package id.aduan.sla.persistence;

import id.aduan.sla.domain.SlaMarks.Mark;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The planned thresholds of each clock, written in the projection's transaction. */
@ApplicationScoped
public class SlaMarkRepository {

    /**
     * Replaces a complaint's unannounced marks with {@code marks}; a mark already announced stays as it was and is not
     * planned again.
     */
    public Uni<Void> replan(UUID complaintId, List<Mark> marks) {
        Uni<Integer> dropped = Panache.getSession().chain(s -> s.createNativeQuery(
                "delete from {h-schema}sla_mark where complaint_id = ?1 and announced_at is null")
                .setParameter(1, complaintId).executeUpdate());
        if (marks.isEmpty()) {
            return dropped.replaceWithVoid();
        }
        StringBuilder sql = new StringBuilder("insert into {h-schema}sla_mark (complaint_id, clock, mark, due_at, deadline) values ");
        for (int i = 0; i < marks.size(); i++) {
            int p = i * 4 + 2;
            sql.append(i == 0 ? "" : ", ").append("(?1, ?").append(p).append(", ?").append(p + 1).append(", ?")
                    .append(p + 2).append(", ?").append(p + 3).append(')');
        }
        sql.append(" on conflict (complaint_id, clock, mark) do nothing");
        return dropped.chain(() -> Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(sql.toString()).setParameter(1, complaintId);
            for (int i = 0; i < marks.size(); i++) {
                Mark m = marks.get(i);
                int p = i * 4 + 2;
                query.setParameter(p, m.clock()).setParameter(p + 1, m.mark()).setParameter(p + 2, m.dueAt())
                        .setParameter(p + 3, m.deadline());
            }
            return query.executeUpdate();
        })).replaceWithVoid();
    }
}
