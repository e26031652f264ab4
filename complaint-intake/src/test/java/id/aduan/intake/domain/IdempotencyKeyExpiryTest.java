package id.aduan.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.Sql;
import id.aduan.testing.TestOidc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A key lives a day past its complaint's confirmation; the key of a complaint Kafka has not confirmed stays. */
@QuarkusTest
@WithTestResource(TestOidc.class)
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
class IdempotencyKeyExpiryTest {

    @Inject
    IdempotencyKeyExpiry expiry;

    @Test
    void keysOfConfirmedComplaintsGoAfterADayAndKeysOfUnconfirmedOnesStay() throws Throwable {
        String oldConfirmed = key(true, "25 hours");
        String recentConfirmed = key(true, "23 hours");
        String oldUnconfirmed = key(false, "3 days");

        VertxContextSupport.subscribeAndAwait(expiry::expire);

        assertThat(exists(oldConfirmed)).isFalse();
        assertThat(exists(recentConfirmed)).isTrue();
        assertThat(exists(oldUnconfirmed)).as("its retry must still find it").isTrue();
        // The complaint itself stays: only the key and its clear citizen token go.
        assertThat(Sql.count("select count(*) from intake.complaint_status where complaint_id = ?",
                complaintOf(oldUnconfirmed))).isOne();
    }

    private static String key(boolean confirmed, String age) {
        UUID id = UUID.randomUUID();
        Sql.execute("insert into intake.complaint_status (complaint_id, tracking_number, category, region_code, status,"
                + " submitted_at, status_at, confirmed) values (?, ?, 'road', '1771', 'SUBMITTED', now(), now(), ?)",
                id, TrackingNumbers.next(), confirmed);
        String key = "api:expiry-" + UUID.randomUUID();
        Sql.execute("insert into intake.idempotency_key (idempotency_key, request_hash, complaint_id, citizen_token,"
                + " created_at) values (?, 'h', ?, 't', now() - cast(? as interval))", key, id, age);
        return key;
    }

    private static boolean exists(String key) {
        return Sql.count("select count(*) from intake.idempotency_key where idempotency_key = ?", key) == 1;
    }

    private static UUID complaintOf(String key) {
        return (UUID) Sql.value("select complaint_id from intake.idempotency_key where idempotency_key = ?", key);
    }
}
