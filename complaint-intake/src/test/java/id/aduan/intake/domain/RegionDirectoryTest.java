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

    @ParameterizedTest
    @CsvSource({
        "kepahiyang, 1708, typo", "rejang lebang, 1702, typo", "Kec. Gading Cempaka, 1771, kecamatan",
        "Kecamatan Kebawetan, 1708, kecamatan", "kabawetan, 1708, landmark", "kebawetn, 1708, typo", "muko muko, 1706, alias", "Arga Makmur, 1703, alias"})
    void findsARegionThroughTyposAndPlacesInIt(String written, String code, String source) {
        assertThat(regions.match(written)).hasValueSatisfying(m -> {
            assertThat(m.region().code()).isEqualTo(code);
            assertThat(m.source()).isEqualTo(source);
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jalan di desa air sebakul rusak parah sdh 2 thn | 1709",
        "tolong pak jln raya di curup longsor lagi | 1702",
        "guru SD di kec. ujan mas jarang masuk | 1708",
        "sampah numpuk di pantai panjang kota bkl | 1771",
        "Puskesmas di Ketahun tutup terus | 1703",
        "jalan lintas di BU hancur | 1703",
        "jalan di kepahyang rusak | 1708",
        "antri lama di RSUD dr M Yunus | 1771",
        "RSUD kaur kurang dokter, pasien dirujuk ke manna | 1704"})
    void findsTheRegionAComplaintNames(String text, String code) {
        assertThat(regions.findIn(text)).map(m -> m.region().code()).contains(code);
    }

    @Test
    void aTextThatNamesTwoRegionsIsLessSure() {
        RegionMatch one = regions.findIn("jalan di kepahiang rusak").orElseThrow();
        RegionMatch two = regions.findIn("jalan dari kepahiang ke lebong rusak").orElseThrow();
        assertThat(two.confidence()).isLessThan(one.confidence());
    }

    @ParameterizedTest
    @CsvSource({"tolong bu guru jarang masuk", "jalan rusak parah", "bengkulu provinsi terbaik", "air mati 3 hari"})
    void doesNotSeeARegionInOrdinaryWords(String text) {
        assertThat(regions.findIn(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "-3.7956, 102.2592, 1771", "-3.4700, 102.5300, 1702", "-3.6400, 102.5800, 1708", "-4.4600, 102.9000, 1701",
        "-2.5700, 101.1000, 1706", "-5.3500, 102.2500, 1703", "-3.8000, 102.2600, 1771"})
    void findsTheRegionOfAPoint(double latitude, double longitude, String code) {
        assertThat(regions.at(latitude, longitude)).map(m -> m.region().code()).contains(code);
    }

    @ParameterizedTest
    @CsvSource({"-6.2000, 106.8166", "-3.0000, 104.7500", "-5.0000, 100.0000"})
    void aPointOutsideTheProvinceHasNoRegion(double latitude, double longitude) {
        assertThat(regions.at(latitude, longitude)).isEmpty();
    }
}
