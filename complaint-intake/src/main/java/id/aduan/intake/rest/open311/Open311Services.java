package id.aduan.intake.rest.open311;

import id.aduan.events.Category;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Aduan's categories as Open311 services: the service_code is the category's wire code. */
public final class Open311Services {

    private Open311Services() {
    }

    /** Every category a citizen may choose, in the enum's order. */
    public static List<Open311Service> all() {
        return Arrays.stream(Category.values()).filter(c -> c != Category.UNKNOWN).map(Open311Services::of).toList();
    }

    /** The service of a code (case and surrounding spaces ignored); empty for any other. */
    public static Optional<Category> category(String serviceCode) {
        return Category.ofCode(serviceCode);
    }

    static Open311Service of(Category category) {
        return new Open311Service(category.code(), category.label(true), description(category), false, "realtime",
                keywords(category), group(category));
    }

    private static String description(Category category) {
        return switch (category) {
            case ROAD -> "Jalan berlubang, rusak atau longsor, jembatan rusak, di seluruh Provinsi Bengkulu.";
            case SCHOOL -> "Sekolah: guru yang tidak mengajar, gedung dan fasilitas, pungutan, penerimaan murid.";
            case HEALTH -> "Kesehatan dan BPJS gratis: ditolak di puskesmas atau rumah sakit, obat, tenaga kesehatan.";
            default -> "Pengaduan lain tentang layanan pemerintah daerah; petugas menentukan OPD yang berwenang.";
        };
    }

    private static String keywords(Category category) {
        return switch (category) {
            case ROAD -> "jalan, jalan rusak, berlubang, aspal, jembatan, longsor, drainase";
            case SCHOOL -> "sekolah, guru, SD, SMP, SMA, SMK, pungutan, PPDB";
            case HEALTH -> "BPJS, BPJS gratis, puskesmas, rumah sakit, obat, dokter, kesehatan";
            default -> "lainnya, umum, pelayanan publik";
        };
    }

    private static String group(Category category) {
        return switch (category) {
            case ROAD -> "infrastruktur";
            case SCHOOL -> "pendidikan";
            case HEALTH -> "kesehatan";
            default -> "umum";
        };
    }
}
