package id.aduan.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.events.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CategoryClassifierTest {

    private final CategoryClassifier classifier = new CategoryClassifier();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jln rusak parah | ROAD", "aspal berlubang | ROAD", "guru jarang masuk | SCHOOL", "SMA | SCHOOL",
        "kartu BPJS ditolak | HEALTH", "puskesmas | HEALTH", "jalan depan SMA 2 berlubang besar | ROAD",
        "ambulans tdk bisa lewat krn jalan longsor | ROAD", "guru minta uang seragam 500rb | SCHOOL",
        "sampah numpuk 2 minggu blm diangkut | OTHER", "lampu jalan mati | ROAD", "dokter puskesmas gk ada | HEALTH",
        "JALANNN RUSAKKK | ROAD", "anak sy ditolak PPDB padahal rumah dekat | SCHOOL"})
    void readsInformalIndonesian(String text, Category expected) {
        assertThat(classifier.classify(text).category()).isEqualTo(expected);
    }

    @Test
    void aTextWithNoKnownWordIsOtherWithNoConfidence() {
        CategoryGuess guess = classifier.classify("tolong ditindaklanjuti pak");
        assertThat(guess.category()).isEqualTo(Category.OTHER);
        assertThat(guess.confidence()).isZero();
    }

    @Test
    void aTextAboutTwoThingsIsLessSureThanOneAboutOne() {
        double one = classifier.classify("jalan berlubang dan aspal hancur").confidence();
        double two = classifier.classify("guru dan dokter puskesmas jarang datang").confidence();
        assertThat(two).isLessThan(one);
        assertThat(one).isGreaterThan(0.6);
    }

    @Test
    void saysWhichWordsDecided() {
        assertThat(classifier.classify("aspal berlubang").evidence()).contains("road:aspal");
    }
}
