package id.aduan.intake.chat;

import id.aduan.events.Category;
import id.aduan.events.ComplaintStatus;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the bot says (short, in Bahasa Indonesia) and how it reads the citizen's short answers. */
final class ChatTexts {

    static final String INTRO = "Halo! Ini layanan pengaduan Pemerintah Provinsi Bengkulu.\n"
            + "Ceritakan keluhan Anda dalam satu pesan: apa masalahnya dan di kabupaten/kota mana.\n"
            + "Cek status: kirim \"status\" dan nomor pelacakan, misalnya status ADU-7H3K-9QXM-2WPF-4RTB.";
    static final String ASK_TEXT = "Ceritakan masalahnya dalam satu pesan (minimal 10 huruf): apa yang terjadi dan "
            + "di mana.";
    static final String LOCATION_THEN_TEXT = "Lokasi diterima. Sekarang ceritakan masalahnya dalam satu pesan.";
    static final String PHOTO_THEN_TEXT = "Foto diterima. Sekarang ceritakan masalahnya dalam satu pesan.";
    static final String ASK_REGION = "Di kabupaten/kota mana? Balas dengan nama kabupaten/kota atau kirim lokasi.";
    static final String REGION_NOT_FOUND = "Maaf, kabupaten/kota itu tidak kami kenali. ";
    static final String LOCATION_OUTSIDE = "Lokasi itu di luar Provinsi Bengkulu. ";
    static final String LOCATION_INVALID = "Lokasi itu tidak dapat kami baca. ";
    static final String ASK_CATEGORY = "Pengaduan Anda tentang apa? Balas dengan angka:\n"
            + "1 Jalan rusak\n2 Sekolah\n3 BPJS gratis / kesehatan\n4 Lainnya";
    static final String CATEGORY_NOT_FOUND = "Maaf, pilihan itu tidak kami kenali. ";
    static final String UNSUPPORTED = "Maaf, kami hanya dapat membaca teks, lokasi, dan foto dengan keterangan.";
    static final String CANCELLED = "Baik, pengaduan dibatalkan. Kirim pesan baru kapan saja untuk melapor.";
    static final String NOTHING_TO_CANCEL = "Tidak ada pengaduan yang sedang dibuat.";
    static final String GAVE_UP_TEXT = "Pengaduan belum dapat kami catat karena isinya belum ada. Kirim pesan baru "
            + "kapan saja untuk melapor.";
    static final String GAVE_UP_REGION = "Tanpa kabupaten/kota, pengaduan belum dapat kami catat. Kirim ulang "
            + "pengaduan Anda dan sebutkan kabupaten/kotanya.";
    static final String IN_PROGRESS = "Pengaduan Anda sedang diproses. Tunggu sebentar, nomor pelacakan akan "
            + "segera dikirim.";
    static final String NOT_SAVED = "Maaf, pengaduan Anda BELUM tersimpan karena sistem sedang sibuk. Balas "
            + "\"kirim ulang\" beberapa saat lagi, atau \"batal\".";
    static final String PENDING = "Pengaduan Anda sudah kami catat, tetapi belum dapat kami pastikan karena sistem "
            + "sedang sibuk. Balas \"kirim ulang\" beberapa saat lagi untuk mendapatkan nomor pelacakannya; "
            + "pengaduan tidak akan ganda.";
    static final String PENDING_REMINDER = "Pengaduan Anda sebelumnya sudah kami catat. Balas \"kirim ulang\" untuk "
            + "mendapatkan nomor pelacakannya.";
    static final String PENDING_NO_CANCEL = "Pengaduan Anda sudah kami catat dan tidak dapat dibatalkan lagi. Balas "
            + "\"kirim ulang\" untuk mendapatkan nomor pelacakannya.";
    static final String NOT_SAVED_REMINDER = "Pengaduan Anda sebelumnya BELUM tersimpan. Balas \"kirim ulang\" "
            + "untuk mencoba lagi, atau \"batal\".";
    static final String STATUS_USAGE = "Kirim \"status\" dan nomor pelacakan, misalnya status ADU-7H3K-9QXM-2WPF-4RTB.";

    /** Words that cancel the complaint being collected. */
    static final Set<String> CANCEL = Set.of("batal", "batalkan", "cancel", "stop", "berhenti");
    /** Words that send a complaint again after it was not saved. */
    static final Set<String> RETRY = Set.of("kirim ulang", "ulang", "kirim", "kirim lagi", "coba lagi", "retry");
    /** Words that ask for the introduction. */
    static final Set<String> HELP = Set.of("start", "mulai", "help", "bantuan", "menu", "info");

    private static final Pattern STATUS = Pattern.compile("^/?(?:cek\\s+)?status\\b[\\s:#-]*(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern MENU_NUMBER = Pattern.compile("^\\D{0,10}?([1-4])\\D*$", Pattern.DOTALL);
    private static final List<Category> MENU = List.of(Category.ROAD, Category.SCHOOL, Category.HEALTH,
            Category.OTHER);

    private ChatTexts() {
    }

    static String slowDown(long seconds) {
        long minutes = Math.max(1, (seconds + 59) / 60);
        return "Anda mengirim terlalu banyak pesan. Tunggu sekitar " + minutes + " menit, lalu kirim lagi.";
    }

    static String accepted(String trackingNumber, String categoryLabel, String regionName, String statusUrl) {
        return "Terima kasih, pengaduan Anda sudah diterima.\n"
                + "Nomor pelacakan: " + trackingNumber + "\n"
                + "Kategori: " + categoryLabel + ", " + regionName + "\n"
                + "Cek status: " + statusUrl + "\n"
                + "atau kirim: status " + trackingNumber;
    }

    static String status(String trackingNumber, ComplaintStatus status, String opdName, String latestReply) {
        StringBuilder text = new StringBuilder("Status ").append(trackingNumber).append(": ")
                .append(label(status)).append('.');
        if (opdName != null && !opdName.isBlank()) {
            text.append("\nDitangani oleh: ").append(opdName);
        }
        if (latestReply != null && !latestReply.isBlank()) {
            String reply = latestReply.length() > 1000 ? latestReply.substring(0, 1000) + "…" : latestReply;
            text.append("\nBalasan terakhir: ").append(reply);
        }
        return text.toString();
    }

    /** @param trackingNumber a well-formed number, or {@code null} (what was typed is not repeated back) */
    static String statusNotFound(String trackingNumber) {
        return "Nomor pelacakan " + (trackingNumber == null ? "itu" : trackingNumber)
                + " tidak ditemukan. Periksa kembali nomornya.";
    }

    static String label(ComplaintStatus status) {
        return switch (status) {
            case SUBMITTED -> "Diterima, segera diteruskan ke OPD";
            case ROUTED -> "Diteruskan ke OPD yang berwenang";
            case ACKNOWLEDGED -> "Sedang ditangani";
            case WAITING_FOR_CITIZEN -> "Menunggu jawaban Anda";
            case RESPONDED -> "Sudah dijawab OPD";
            case RESOLVED -> "Selesai";
            case REJECTED -> "Bukan wewenang OPD tersebut, sedang diteruskan ulang";
            case CLOSED -> "Ditutup";
            case REOPENED -> "Dibuka kembali";
            default -> "Sedang diproses";
        };
    }

    /**
     * A short message as a command: lower case, without a leading slash, a bot name after @ or closing punctuation.
     * "/start@AduanBot" is "start", "Batal." is "batal", "KIRIM  ULANG!" is "kirim ulang".
     */
    static String command(String text) {
        if (text == null || text.length() > 40) {
            return "";
        }
        String command = text.toLowerCase(Locale.ROOT).strip().replaceFirst("^/", "").replaceFirst("@\\S*$", "")
                .replaceAll("[.!?,;:\"']+$", "").replaceAll("\\s+", " ").strip();
        return command;
    }

    /**
     * The tracking number part of a status query ("status ADU-...", "cek status adu 7h3k...", "/status ..."), or
     * empty when the text is not one. A long text that merely begins with "status" is a complaint, not a query.
     */
    static Optional<String> statusQuery(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = STATUS.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String rest = m.group(1).strip();
        return rest.length() <= 40 ? Optional.of(rest) : Optional.empty();
    }

    /** The category the citizen chose from the menu, by number or in words; empty when unclear. */
    static Optional<Category> categoryChoice(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String answer = text.toLowerCase(Locale.ROOT).strip();
        Matcher number = MENU_NUMBER.matcher(answer);
        if (answer.length() <= 40 && number.matches()) {
            return Optional.of(MENU.get(Integer.parseInt(number.group(1)) - 1));
        }
        Set<Category> named = EnumSet.noneOf(Category.class);
        for (String word : answer.split("[^\\p{L}\\p{N}]+")) {
            switch (word) {
                case "jalan", "jln", "jl", "aspal", "road" -> named.add(Category.ROAD);
                case "sekolah", "sklh", "guru", "school", "pendidikan" -> named.add(Category.SCHOOL);
                case "bpjs", "kesehatan", "puskesmas", "rs", "rsud", "health", "kis" -> named.add(Category.HEALTH);
                case "lain", "lainnya", "lain2", "other" -> named.add(Category.OTHER);
                default -> {
                    // not a menu word
                }
            }
        }
        return named.size() == 1 ? Optional.of(named.iterator().next()) : Optional.empty();
    }
}
