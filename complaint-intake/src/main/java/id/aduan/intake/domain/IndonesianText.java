package id.aduan.intake.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads informal Indonesian as citizens type it on a phone: lower case, abbreviations spelled out ("jln" is
 * "jalan"), stretched letters shortened ("rusakkk"), and a light stemmer that strips the common affixes so
 * "berlubang", "lubangnya" and "dilubangi" meet at "lubang".
 */
public final class IndonesianText {

    /** Chat abbreviations; a value may be two words ("rs" is "rumah sakit"). */
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("jln", "jalan"), Map.entry("jl", "jalan"), Map.entry("jaln", "jalan"), Map.entry("jlan", "jalan"),
            Map.entry("jembtn", "jembatan"), Map.entry("sklh", "sekolah"), Map.entry("sekola", "sekolah"),
            Map.entry("skolah", "sekolah"), Map.entry("pkm", "puskesmas"), Map.entry("pusk", "puskesmas"),
            Map.entry("rs", "rumah sakit"), Map.entry("rsud", "rumah sakit umum"), Map.entry("rsu", "rumah sakit umum"),
            Map.entry("tdk", "tidak"), Map.entry("gk", "tidak"), Map.entry("ga", "tidak"), Map.entry("gak", "tidak"),
            Map.entry("ngga", "tidak"), Map.entry("nggak", "tidak"), Map.entry("engga", "tidak"),
            Map.entry("enggak", "tidak"), Map.entry("g", "tidak"), Map.entry("tak", "tidak"),
            Map.entry("yg", "yang"), Map.entry("dgn", "dengan"), Map.entry("krn", "karena"), Map.entry("karna", "karena"),
            Map.entry("bgt", "banget"), Map.entry("sdh", "sudah"), Map.entry("udh", "sudah"), Map.entry("udah", "sudah"),
            Map.entry("blm", "belum"), Map.entry("blom", "belum"), Map.entry("tlg", "tolong"), Map.entry("tolg", "tolong"),
            Map.entry("dr", "dari"), Map.entry("utk", "untuk"), Map.entry("dlm", "dalam"), Map.entry("bln", "bulan"),
            Map.entry("thn", "tahun"), Map.entry("org", "orang"), Map.entry("sy", "saya"), Map.entry("aq", "aku"),
            Map.entry("kec", "kecamatan"), Map.entry("kab", "kabupaten"), Map.entry("kel", "kelurahan"),
            Map.entry("ds", "desa"), Map.entry("dsa", "desa"), Map.entry("kpl", "kepala"), Map.entry("kepsek", "kepala sekolah"),
            Map.entry("sd", "sd"), Map.entry("mhn", "mohon"), Map.entry("pdhl", "padahal"), Map.entry("trs", "terus"),
            Map.entry("bpjs", "bpjs"), Map.entry("obt", "obat"), Map.entry("dok", "dokter"),
            Map.entry("ambulan", "ambulans"), Map.entry("ambulance", "ambulans"), Map.entry("ortu", "orang tua"),
            Map.entry("gr", "guru"), Map.entry("lobang", "lubang"), Map.entry("bolong", "lubang"),
            Map.entry("jembatn", "jembatan"), Map.entry("aspall", "aspal"), Map.entry("dpn", "depan"),
            Map.entry("dkt", "dekat"), Map.entry("blkg", "belakang"), Map.entry("smpg", "samping"));

    /** Words after which "smp" means "sampai" (until), not the school. */
    private static final Set<String> UNTIL = Set.of("jam", "ke", "sekarang", "skrg", "hari", "bulan", "bln", "minggu",
            "tahun", "thn", "malam", "pagi", "sore", "siang", "habis", "mati", "tengah", "akhir", "kapan", "saat",
            "berhari", "berbulan", "bertahun", "rumah", "dalam", "bau", "kering");

    /** Prefixes, longest first; a stem keeps at least four letters. */
    private static final List<String> PREFIXES = List.of("memper", "pember", "meng", "meny", "peng", "peny", "mem",
            "men", "pem", "pen", "ber", "ter", "per", "me", "pe", "di", "ke", "se");

    private static final List<String> SUFFIXES = List.of("nya", "kan", "lah", "kah", "an", "i");

    /** Words the stemmer leaves alone: their "affixes" are part of the word. */
    private static final Set<String> KEEP = Set.of("jalan", "jembatan", "bantuan", "kesehatan", "pendidikan",
            "perawat", "pelayanan", "pasien", "kelurahan", "kecamatan", "kabupaten", "peserta", "persalinan",
            "tahunan", "bulanan", "keuangan", "pegawai", "selokan", "saluran", "sekolah", "seragam", "pungutan",
            "puskesmas", "rumah", "sakit", "ditolak", "tidak", "dinas", "perbaikan", "kerusakan", "pengaspalan",
            "ijazah", "bidan", "beasiswa", "makan", "minum", "bayi", "guru", "murid", "siswa", "rapor", "kelas",
            "kursi", "meja", "atap", "lantai", "pagar", "sampah", "listrik", "lampu", "air", "banjir", "parit");

    private IndonesianText() {
    }

    /** Lower-case words of the text, abbreviations spelled out, letters repeated three times or more shortened. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("([a-z])\\1{2,}", "$1")
                .replaceAll("\\b([a-z]{2,})2\\b", "$1")
                .replaceAll("[^a-z0-9]+", " ").strip();
        if (folded.isEmpty()) {
            return words;
        }
        String[] raw = folded.split(" ");
        for (int i = 0; i < raw.length; i++) {
            String word = raw[i];
            String expanded = ABBREVIATIONS.getOrDefault(word, word);
            // "smp" is the school (SMP 2, SMP negeri) or chat for "sampai" (smp jam 2, smp skrg)
            if ("smp".equals(word) && i + 1 < raw.length && UNTIL.contains(raw[i + 1])) {
                expanded = "sampai";
            }
            for (String part : expanded.split(" ")) {
                words.add(part);
            }
        }
        return words;
    }

    /** The word without its common affixes, or the word itself when that would leave fewer than four letters. */
    public static String stem(String word) {
        if (word.length() <= 4 || KEEP.contains(word) || word.chars().anyMatch(Character::isDigit)) {
            return word;
        }
        String stem = word;
        for (String suffix : SUFFIXES) {
            if (stem.endsWith(suffix) && stem.length() - suffix.length() >= 4) {
                stem = stem.substring(0, stem.length() - suffix.length());
                if (KEEP.contains(stem)) {
                    return stem;
                }
                break;
            }
        }
        for (String prefix : PREFIXES) {
            if (stem.startsWith(prefix) && stem.length() - prefix.length() >= 4) {
                String rest = stem.substring(prefix.length());
                // meng-ukur / meny-apu / mem-perbaiki: the nasal replaced a first letter we cannot know; keep the rest.
                return rest;
            }
        }
        return stem;
    }

    /** {@link #words} stemmed. */
    public static List<String> stems(String text) {
        return words(text).stream().map(IndonesianText::stem).toList();
    }

    /** Edit distance with transpositions (optimal string alignment), stopping early beyond {@code max}. */
    public static int distance(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
                rowMin = Math.min(rowMin, d[i][j]);
            }
            if (rowMin > max) {
                return max + 1;
            }
        }
        return d[a.length()][b.length()];
    }
}
