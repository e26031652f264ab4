package id.aduan.sla.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.Sql;
import id.aduan.testing.TestOidc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Re-planning a clock deletes its unannounced marks by complaint on every routed or status event: that delete must
 * read that complaint's marks only, not every unannounced mark of every open clock (it did, through the due-time
 * index: docs/benchmarks.md, issue 13).
 */
@QuarkusTest
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
@WithTestResource(TestOidc.class)
class SlaMarkRepositoryTest {

    @Test
    void theReplanDeleteReadsOnlyItsComplaintsMarksWhateverElseIsOpen() {
        // Open clocks' marks, as a day's complaints leave them; the table has no statistics yet, as on a new stack.
        Sql.execute("insert into sla.sla_mark (complaint_id, clock, mark, due_at, deadline)"
                + " select gen_random_uuid(), 'TEST-PLAN', m, now() + interval '3 days', now() + interval '5 days'"
                + " from generate_series(1, 2000), unnest(array['W50', 'W75', 'BREACH']) m");
        UUID complaint = UUID.randomUUID();
        Sql.execute("insert into sla.sla_mark (complaint_id, clock, mark, due_at, deadline)"
                + " select ?, 'RESOLUTION', m, now() + interval '3 days', now() + interval '5 days'"
                + " from unnest(array['W50', 'W75', 'BREACH']) m", complaint);

        try {
            String plan = String.valueOf(Sql.value("explain (analyze, format json) delete from sla.sla_mark"
                    + " where complaint_id = ? and announced_at is null", complaint));

            assertThat(plan).contains("sla_mark_unannounced_by_complaint").doesNotContain("sla_mark_due");
            assertThat(Sql.count("select count(*) from sla.sla_mark where complaint_id = ?", complaint)).isZero();
        } finally {
            Sql.execute("delete from sla.sla_mark where clock = 'TEST-PLAN'");
        }
    }
}
