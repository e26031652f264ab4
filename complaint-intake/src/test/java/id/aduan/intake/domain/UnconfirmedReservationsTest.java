package id.aduan.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.TestOidc;
import id.aduan.testing.Sql;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TestOidc.class)
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
class UnconfirmedReservationsTest {

    @Inject
    UnconfirmedReservations janitor;

    @Test
    void onlyOldReservationsThatNeverReachedKafkaArePurgedWithTheirContact() throws Throwable {
        UUID stale = reservation(false, "25 hours");
        UUID fresh = reservation(false, "1 hour");
        UUID confirmedOld = reservation(true, "30 days");
        Sql.execute("insert into intake.reporter_contact (complaint_id, phone) values (?, '+628111111111')", stale);

        VertxContextSupport.subscribeAndAwait(janitor::purge);

        assertThat(exists(stale)).isFalse();
        assertThat(Sql.count("select count(*) from intake.reporter_contact where complaint_id = ?", stale)).isZero();
        assertThat(exists(fresh)).isTrue();
        assertThat(exists(confirmedOld)).isTrue();
    }

    private static boolean exists(UUID id) {
        return Sql.count("select count(*) from intake.complaint_status where complaint_id = ?", id) == 1;
    }

    private static UUID reservation(boolean confirmed, String age) {
        UUID id = UUID.randomUUID();
        Sql.execute("insert into intake.complaint_status (complaint_id, tracking_number, category, region_code, status,"
                + " submitted_at, status_at, confirmed, created_at) values (?, ?, 'road', '1771', 'SUBMITTED', now(),"
                + " now(), ?, now() - cast(? as interval))", id, TrackingNumbers.next(), confirmed, age);
        return id;
    }
}
