package id.aduan.intake.rest.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.aduan.events.Category;
import id.aduan.intake.config.Open311Config;
import id.aduan.intake.domain.TrackingNumbers;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class Open311QueryTest {

    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-26T10:00:00+07:00");

    static final Open311Config CONFIG = new Open311Config() {
        @Override
        public Optional<List<String>> apiKeys() {
            return Optional.empty();
        }

        @Override
        public String contact() {
            return "c";
        }

        @Override
        public String keyService() {
            return "k";
        }

        @Override
        public String changeset() {
            return "2026-11-26T00:00:00+07:00";
        }

        @Override
        public Duration window() {
            return Duration.ofDays(90);
        }

        @Override
        public int maxResults() {
            return 1000;
        }
    };

    static Open311Query read(String query) {
        return Open311Query.read(FormParameters.parseQuery(query), CONFIG, NOW);
    }

    @Test
    void byDefaultTheLast90DaysAtMost1000OfEveryStatus() {
        Open311Query query = read(null);
        assertThat(query.start()).isEqualTo(NOW.minusDays(90));
        assertThat(query.end()).isEqualTo(NOW);
        assertThat(query.limit()).isEqualTo(1000);
        assertThat(query.closed()).isNull();
        assertThat(query.categories()).isEmpty();
        assertThat(query.byId()).isFalse();
    }

    @Test
    void oneDateOpensA90DayWindowFromIt() {
        assertThat(read("start_date=2026-01-01T00:00:00Z").end()).isEqualTo(
                OffsetDateTime.parse("2026-04-01T00:00:00Z"));
        assertThat(read("end_date=2026-04-01T00:00:00%2B07:00").start()).isEqualTo(
                OffsetDateTime.parse("2026-01-01T00:00:00+07:00"));
        // An offset's unencoded "+" arrives as a space.
        assertThat(read("start_date=2026-11-01T00:00:00+07:00").start()).isEqualTo(
                OffsetDateTime.parse("2026-11-01T00:00:00+07:00"));
    }

    @Test
    void filtersAreReadLeniently() {
        Open311Query query = read("service_code=ROAD,%20health&status=Closed&limit=5000");
        assertThat(query.categories()).containsExactlyInAnyOrder(Category.ROAD, Category.HEALTH);
        assertThat(query.closed()).isTrue();
        assertThat(query.limit()).isEqualTo(1000);
        assertThat(read("status=open,closed").closed()).isNull();
        assertThat(read("status=open").closed()).isFalse();
        assertThat(read("limit=7").limit()).isEqualTo(7);
    }

    @Test
    void idsAreCanonicalAndDeduplicated() {
        String trackingNumber = TrackingNumbers.next();
        Open311Query query = read("service_request_id=" + trackingNumber.toLowerCase() + "," + trackingNumber
                + "&start_date=kemarin");
        assertThat(query.byId()).isTrue();
        assertThat(query.trackingNumbers()).containsExactly(trackingNumber);
    }

    @Test
    void everyInvalidFilterIsNamedAtOnce() {
        assertThatThrownBy(() -> read("start_date=kemarin&status=pending&limit=0&service_code=pothole"))
                .isInstanceOfSatisfying(Open311Exception.class, e -> assertThat(e.messages())
                        .extracting(Open311Exception.Message::key)
                        .contains("open311.error.date", "open311.error.status", "open311.error.limit",
                                "open311.error.service-code"));
    }

    @Test
    void windowsLongerThan90DaysOrBackwardsAreRefused() {
        assertThatThrownBy(() -> read("start_date=2026-01-01T00:00:00Z&end_date=2026-04-02T00:00:00Z"))
                .isInstanceOf(Open311Exception.class);
        assertThatThrownBy(() -> read("start_date=2026-01-02T00:00:00Z&end_date=2026-01-01T00:00:00Z"))
                .isInstanceOf(Open311Exception.class);
        assertThat(read("start_date=2026-01-01T00:00:00Z&end_date=2026-04-01T00:00:00Z").limit()).isEqualTo(1000);
    }
}
