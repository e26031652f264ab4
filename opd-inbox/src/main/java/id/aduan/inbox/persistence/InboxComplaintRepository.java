package id.aduan.inbox.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import id.aduan.inbox.domain.InboxCursor;
import id.aduan.inbox.domain.InboxFilter;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class InboxComplaintRepository implements PanacheRepositoryBase<InboxComplaint, UUID> {

    /** The mapped columns (not the search vector, which only PostgreSQL reads). */
    private static final String COLUMNS = "id, tracking_number, category, region_code, description, address, latitude,"
            + " longitude, channel, submitted_at, opd_code, opd_name, rule_id, rule_version, explanation, hop, status,"
            + " routed_at, received_at, updated_at, version, assignee_subject, assignee_name, resolved_at, deadline,"
            + " sla_state, sla_breached_at, anonymous, confidential, possible_duplicate_of, triage_reasons,"
            + " liaison_opd_code, sla_flag";

    /**
     * One page of the inbox, after the given position: keyset pagination (no OFFSET, so page 1000 costs what page 1
     * costs), each order served by an index per OPD (see the V1 and V4 migrations). Native SQL, for PostgreSQL's
     * full-text search and row comparisons.
     *
     * @param opdCode {@code null}: every OPD (the governor)
     */
    public Uni<List<InboxComplaint>> page(String opdCode, InboxFilter filter, InboxCursor after, OffsetDateTime now,
            int limit) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (opdCode != null) {
            params.put("opd", opdCode);
        }
        if (filter.status() != null) {
            where.append(" and status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.category() != null) {
            where.append(" and category = :category");
            params.put("category", filter.category());
        }
        if (filter.regionCode() != null) {
            where.append(" and region_code = :region");
            params.put("region", filter.regionCode());
        }
        if (filter.overdue() != null) {
            where.append(filter.overdue() ? " and sla_state = 'RUNNING' and deadline < :now"
                    : " and not (coalesce(sla_state, '') = 'RUNNING' and deadline < :now)");
            params.put("now", now);
        }
        if (filter.submittedFrom() != null) {
            where.append(" and submitted_at >= :from");
            params.put("from", filter.submittedFrom());
        }
        if (filter.submittedTo() != null) {
            where.append(" and submitted_at < :to");
            params.put("to", filter.submittedTo());
        }
        if (filter.text() != null) {
            where.append(" and search @@ plainto_tsquery('simple', :text)");
            params.put("text", filter.text());
        }
        String order;
        switch (filter.sort()) {
            case OLDEST -> {
                order = " order by submitted_at, id";
                if (after != null) {
                    where.append(" and (submitted_at, id) > (:afterValue, :afterId)");
                    params.put("afterValue", after.value());
                    params.put("afterId", after.id());
                }
            }
            case DEADLINE -> {
                order = " order by deadline nulls last, id";
                if (after != null && after.value() != null) {
                    where.append(" and ((deadline, id) > (:afterValue, :afterId) or deadline is null)");
                    params.put("afterValue", after.value());
                    params.put("afterId", after.id());
                } else if (after != null) {
                    where.append(" and deadline is null and id > :afterId");
                    params.put("afterId", after.id());
                }
            }
            default -> {
                order = " order by routed_at desc, id desc";
                if (after != null) {
                    where.append(" and (routed_at, id) < (:afterValue, :afterId)");
                    params.put("afterValue", after.value());
                    params.put("afterId", after.id());
                }
            }
        }
        // An OPD's own complaints and those it handles as liaison, each read in order along its own index, then merged:
        // an OR in one WHERE would make PostgreSQL sort a whole OPD's rows for every page.
        String sql = opdCode == null
                ? "select " + COLUMNS + " from {h-schema}complaint" + where + order + " limit :limit"
                : "select * from ((select " + COLUMNS + " from {h-schema}complaint" + where + " and opd_code = :opd"
                        + order + " limit :limit) union all (select " + COLUMNS + " from {h-schema}complaint" + where
                        + " and liaison_opd_code = :opd and opd_code <> :opd" + order + " limit :limit)) page"
                        + order + " limit :limit";
        return getSession().chain(session -> {
            var query = session.createNativeQuery(sql, InboxComplaint.class);
            params.forEach(query::setParameter);
            query.setParameter("limit", limit);
            return query.getResultList();
        });
    }

    /** A complaint if it is in the given OPD's inbox ({@code null} OPD: any), else {@code null}. */
    public Uni<InboxComplaint> findInScope(UUID id, String opdCode) {
        return opdCode == null ? findById(id)
                : find("id = ?1 and (opdCode = ?2 or liaisonOpdCode = ?2)", id, opdCode).firstResult();
    }

    /** Complaints per status, of one OPD or ({@code null}) all. */
    public Uni<List<Object[]>> countByStatus(String opdCode) {
        String where = opdCode == null ? "" : " where (c.opdCode = :opd or c.liaisonOpdCode = :opd)";
        var query = getSession().map(session -> session.createSelectionQuery(
                "select c.status, count(c) from InboxComplaint c" + where + " group by c.status", Object[].class));
        return query.chain(q -> (opdCode == null ? q : q.setParameter("opd", opdCode)).getResultList());
    }
}
