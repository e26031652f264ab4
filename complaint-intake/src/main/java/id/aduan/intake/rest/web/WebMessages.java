package id.aduan.intake.rest.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The web form's words: Bahasa Indonesia here, English in messages/msg_en.properties. */
@MessageBundle(value = "msg", locale = "id")
public interface WebMessages {

    @Message("Aduan Bengkulu")
    String appTitle();

    @Message("Sampaikan pengaduan Anda")
    String formHeading();

    @Message("Pengaduan Anda diteruskan ke OPD yang berwenang, dan tenggat jawabannya dipantau.")
    String formIntro();

    @Message("Tentang apa?")
    String category();

    @Message("Ceritakan masalahnya")
    String description();

    @Message("Apa, di mana, sejak kapan. 10 sampai 4000 karakter.")
    String descriptionHint();

    @Message("Kabupaten/kota")
    String region();

    @Message("— pilih —")
    String choose();

    @Message("Kecamatan")
    String kecamatan();

    @Message("Desa/kelurahan atau alamat")
    String address();

    @Message("Lokasi di peta (opsional)")
    String location();

    @Message("Pakai lokasi saya")
    String useMyLocation();

    @Message("Lokasi tidak bisa dibaca dari perangkat ini.")
    String locationFailed();

    @Message("Lintang (latitude)")
    String latitude();

    @Message("Bujur (longitude)")
    String longitude();

    @Message("Foto (opsional)")
    String photo();

    @Message("JPEG atau PNG, paling besar 5 MB. Data kamera dan lokasi di dalam foto dihapus.")
    String photoHint();

    @Message("Kontak (opsional)")
    String contact();

    @Message("Hanya untuk menghubungi Anda. Tidak pernah ditampilkan untuk umum.")
    String contactHint();

    @Message("Nama")
    String name();

    @Message("Nomor HP")
    String phone();

    @Message("E-mail")
    String email();

    @Message("Privasi")
    String privacy();

    @Message("Anonim: identitas saya tidak disimpan dan tidak terlihat oleh petugas")
    String anonymous();

    @Message("Rahasia: pengaduan saya tidak ditampilkan untuk umum")
    String confidential();

    @Message("Kirim pengaduan")
    String submit();

    @Message("Periksa kembali isian yang ditandai.")
    String errorsHeading();

    @Message("Pengaduan Anda diterima")
    String receiptHeading();

    @Message("Nomor pelacakan")
    String trackingNumber();

    @Message("Kode rahasia Anda. Simpan: kode ini dipakai untuk menjawab pertanyaan OPD, mengonfirmasi atau membuka kembali pengaduan. Kode ini hanya ditampilkan sekali.")
    String citizenToken();

    @Message("Lihat status pengaduan")
    String statusLink();

    @Message("Lacak pengaduan")
    String trackHeading();

    @Message("Lacak")
    String track();

    @Message("Status pengaduan")
    String statusHeading();

    @Message("Status")
    String status();

    @Message("OPD yang menangani")
    String opd();

    @Message("Sedang diteruskan ke OPD yang berwenang")
    String notRoutedYet();

    @Message("Dikirim")
    String submittedAt();

    @Message("Terakhir berubah")
    String updatedAt();

    @Message("Tanggapan")
    String replies();

    @Message("Belum ada tanggapan.")
    String noReplies();

    @Message("OPD menunggu jawaban Anda.")
    String awaitingReply();

    @Message("Petugas OPD")
    String authorOpd();

    @Message("Anda")
    String authorCitizen();

    @Message("Nomor pelacakan tidak ditemukan. Periksa kembali nomornya.")
    String notFound();

    @Message("Terlalu banyak pengiriman dari jaringan Anda. Coba lagi dalam {seconds} detik.")
    String rateLimited(long seconds);

    @Message("Pengaduan belum tersimpan karena sistem sedang sibuk. Silakan kirim ulang sebentar lagi.")
    String unavailable();

    @Message("Pengaduan Anda sudah kami catat, tetapi belum dapat kami pastikan karena sistem sedang sibuk. Tekan "
            + "Kirim sekali lagi sebentar lagi untuk mendapatkan nomor pelacakannya; pengaduan tidak akan ganda.")
    String unconfirmed();

    @Message("English")
    String otherLanguage();

    @Message("en")
    String otherLanguageCode();

    @Message("Foto terlalu besar (paling besar 5 MB).")
    String photoTooLarge();

    @Message("Berkas bukan foto JPEG atau PNG yang utuh.")
    String photoNotAnImage();

    @Message("Foto terlalu besar ukurannya (paling banyak 50 megapiksel).")
    String photoTooManyPixels();

    @Message("Lokasi harus berupa angka lintang dan bujur, misalnya -3.7956 dan 102.2592.")
    String locationInvalid();

    @Message("Teks ini berisi karakter yang rusak. Ketik ulang tanpa menyalin dari aplikasi lain.")
    String brokenText();

    @Message("Lokasi berada di luar Provinsi Bengkulu.")
    String locationOutside();

    @Message("Kabupaten/kota tidak ditemukan. Pilih kabupaten/kota atau tandai lokasi.")
    String regionNotFound();

    @Message("Diterima")
    String status_SUBMITTED();

    @Message("Diteruskan ke OPD")
    String status_ROUTED();

    @Message("Sedang ditangani")
    String status_ACKNOWLEDGED();

    @Message("Menunggu jawaban Anda")
    String status_WAITING_FOR_CITIZEN();

    @Message("Sudah ditanggapi")
    String status_RESPONDED();

    @Message("Selesai")
    String status_RESOLVED();

    @Message("Bukan kewenangan OPD ini; diteruskan ulang")
    String status_REJECTED();

    @Message("Ditutup")
    String status_CLOSED();

    @Message("Dibuka kembali")
    String status_REOPENED();

    @Message("Tidak dikenal")
    String status_UNKNOWN();
}
