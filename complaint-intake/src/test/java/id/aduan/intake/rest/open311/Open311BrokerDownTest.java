package id.aduan.intake.rest.open311;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.testing.RealPostgres;
import id.aduan.testing.Sql;
import id.aduan.testing.TestOidc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * With no broker to acknowledge, an Open311 client is told to come back (503 with Retry-After, in the spec's
 * format) and nothing is kept.
 */
@QuarkusTest
@WithTestResource(TestOidc.class)
@TestProfile(Open311BrokerDownTest.NoBroker.class)
@WithTestResource(RealPostgres.class)
class Open311BrokerDownTest {

    /** The settings of the REST door's BrokerDownTest: a port where no broker listens, short timeouts. */
    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "kafka.bootstrap.servers", "127.0.0.1:1",
                    "mp.messaging.outgoing.complaints-submitted.max.block.ms", "1000",
                    "mp.messaging.outgoing.complaints-submitted.delivery.timeout.ms", "2000",
                    "mp.messaging.outgoing.complaints-submitted.request.timeout.ms", "1000",
                    "aduan.intake.publish-timeout", "3s");
        }
    }

    @Test
    void submissionIsRefusedWith503AndNothingIsKept() {
        String marker = "open311-tidak-terkirim-" + UUID.randomUUID();
        Response response = given().contentType(Open311ResourceTest.FORM)
                .formParam("api_key", Open311ResourceTest.KEY).formParam("service_code", "road")
                .formParam("lat", "-3.7956").formParam("long", "102.2592")
                .formParam("description", "Jalan rusak di depan pasar " + marker)
                .formParam("phone", "081298765431")
                .post(Open311ResourceTest.BASE + "requests.xml");
        XmlPath errors = Open311ResourceTest.xmlError(response, 503);
        assertThat(response.header("Retry-After")).isEqualTo("5");
        assertThat(errors.getString("errors.error.description")).contains("BELUM tersimpan");

        assertThat(Sql.count("select count(*) from intake.complaint_status where description like ?",
                "%" + marker + "%")).isZero();
        assertThat(Sql.count("select count(*) from intake.reporter_contact where phone = '+6281298765431'")).isZero();
    }
}
