package id.aduan.intake.chat;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.events.Category;
import id.aduan.events.ComplaintStatus;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How the bot reads short answers: menu choices, commands, status queries. */
class ConversationTextsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1 | ROAD", "1. | ROAD", "(2) | SCHOOL", "nomor 3 | HEALTH", "no.4 | OTHER", "3 BPJS | HEALTH",
        "Jalan rusak | ROAD", "sekolah | SCHOOL", "BPJS gratis / kesehatan | HEALTH", "puskesmas | HEALTH",
        "lainnya | OTHER", "yang lain | OTHER", "JALAN | ROAD"})
    void readsAMenuChoiceByNumberOrWords(String answer, Category expected) {
        assertThat(ChatTexts.categoryChoice(answer)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "12", "0", "entahlah", "jalan ke sekolah", "", "   ", "1 atau 2"})
    void anUnclearChoiceIsNone(String answer) {
        assertThat(ChatTexts.categoryChoice(answer)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/start | start", "/start@AduanBengkuluBot | start", "Batal. | batal", "KIRIM  ULANG! | kirim ulang",
        "  bantuan?  | bantuan"})
    void readsCommands(String text, String command) {
        assertThat(ChatTexts.command(text)).isEqualTo(command);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "status ADU-7H3K-9QXM-2WPF-4RTB | ADU-7H3K-9QXM-2WPF-4RTB", "STATUS: adu 7h3k 9qxm 2wpf 4rtb | adu 7h3k 9qxm 2wpf 4rtb",
        "cek status #ADU-7H3K | ADU-7H3K", "/status ADU-1 | ADU-1", "status | ''"})
    void readsStatusQueries(String text, String rest) {
        assertThat(ChatTexts.statusQuery(text)).contains(rest);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jalan status quo", "statusnya bagaimana",
        "status jalan di depan rumah saya rusak parah sejak bulan lalu dan belum diperbaiki"})
    void aComplaintThatMentionsStatusIsNoQuery(String text) {
        assertThat(ChatTexts.statusQuery(text)).isEmpty();
    }

    @Test
    void everyStatusHasIndonesianWords() {
        Arrays.stream(ComplaintStatus.values())
                .forEach(status -> assertThat(ChatTexts.label(status)).isNotBlank().doesNotContain("_"));
        assertThat(ChatTexts.label(ComplaintStatus.RESOLVED)).isEqualTo("Selesai");
    }

    @Test
    void theRegionQuestionIsTheAgreedOne() {
        assertThat(ChatTexts.ASK_REGION)
                .isEqualTo("Di kabupaten/kota mana? Balas dengan nama kabupaten/kota atau kirim lokasi.");
        assertThat(ChatTexts.slowDown(30)).contains("1 menit");
        assertThat(ChatTexts.slowDown(361)).contains("7 menit");
    }

    @Test
    void theSendersPseudonymIsStableShortAndNotTheId() {
        String hash = SenderHash.of("whatsapp:6281234567890");
        assertThat(hash).hasSize(12).isEqualTo(SenderHash.of("whatsapp:6281234567890"))
                .isNotEqualTo(SenderHash.of("whatsapp:6281234567891")).doesNotContain("1234567890");
    }
}
