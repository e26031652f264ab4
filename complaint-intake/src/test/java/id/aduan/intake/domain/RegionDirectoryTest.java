package id.aduan.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.events.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegionDirectoryTest {

    private final RegionDirectory regions = new RegionDirectory();

    @Test
    void holdsTheTenKabupatenKotaOfBengkulu() {
        assertThat(regions.all()).extracting(Region::code).containsExactly(
                "1701", "1702", "1703", "1704", "1705", "1706", "1707", "1708", "1709", "1771");
    }

    @ParameterizedTest
    @CsvSource({
        "1771, 1771", "Kota Bengkulu, 1771", "kota bkl, 1771", "Rejang, 1702", "rejang  lebong, 1702",
        "Kab. Kepahiang, 1708", "Kabupaten Kepahiang, 1708", "benteng, 1709", "BU, 1703", "Muko-Muko, 1706"})
    void findsARegionHoweverItIsWritten(String written, String code) {
        assertThat(regions.resolve(written)).map(Region::code).contains(code);
    }

    @ParameterizedTest
    @CsvSource({"Bengkulu", "Jakarta", "1772", "17"})
    void refusesWhatIsAmbiguousOrElsewhere(String written) {
        assertThat(regions.resolve(written)).isEmpty();
    }
}
