package id.aduan.intake.rest.open311;

import static io.restassured.RestAssured.given;
import static io.restassured.config.EncoderConfig.encoderConfig;
import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.events.Topics;
import id.aduan.testing.KafkaTopics;
import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.Sql;
import id.aduan.testing.TestOidc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and broken requests: each is a 4xx in the spec's error format (XML, or JSON when the path asks for it),
 * never a 500, and a refused POST leaves nothing in the database or on Kafka. Every case changes one thing of a
 * form that is otherwise accepted ({@link #theUnspoiledFormIsAccepted()} proves it).
 */
@QuarkusTest
@WithTestResource(TestOidc.class)
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
class Open311HostileInputTest {

    static final String BASE = "/open311/v2/";
    static final String KEY = "open311-test-key-hostile";
    static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";
    /** Shared by every hostile case: nothing carrying it may ever reach Kafka. */
    static final String RUN = "hostile" + UUID.randomUUID().toString().substring(0, 8);
    static final String VALID_DESCRIPTION = "Jalan berlubang besar di depan pasar, bahaya bagi pengendara motor";

    /** A hostile request and the status it must get. */
    record Case(String name, String method, String path, String contentType, byte[] body, String marker, int status,
            String says, Map<String, String> headers) {

        Case(String name, String method, String path, String contentType, byte[] body, String marker, int status) {
            this(name, method, path, contentType, body, marker, status, null, Map.of());
        }

        Case at(String otherPath) {
            return new Case(name, method, otherPath, contentType, body, marker, status, says, headers);
        }

        /** The refusal must give this reason (a part of its Indonesian description). */
        Case says(String reason) {
            return new Case(name, method, path, contentType, body, marker, status, reason, headers);
        }

        Case header(String header, String value) {
            return new Case(name, method, path, contentType, body, marker, status, says, Map.of(header, value));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> hostileRequests() {
        List<Case> cases = new ArrayList<>();
        // --- api_key ---
        cases.add(post("missing api_key", 403, f -> f.remove("api_key")).says("api_key tidak ada"));
        cases.add(post("empty api_key", 403, f -> f.put("api_key", "")));
        cases.add(post("unknown api_key", 403, f -> f.put("api_key", "open311-test-key-guess"))
                .says("api_key tidak ada"));
        cases.add(post("api_key with one character more", 403, f -> f.put("api_key", KEY + "x")));
        cases.add(post("api_key in other case", 403, f -> f.put("api_key", KEY.toUpperCase())));
        cases.add(post("api_key as SQL", 403, f -> f.put("api_key", "' OR '1'='1")));
        cases.add(post("api_key as JSON", 403, f -> f.put("api_key", "{\"$ne\":null}")));
        // --- service_code ---
        cases.add(post("missing service_code", 400, f -> f.remove("service_code")).says("service_code wajib diisi"));
        cases.add(post("unknown service_code", 400, f -> f.put("service_code", "pothole"))
                .says("service_code tidak dikenal"));
        cases.add(post("service_code 'unknown'", 400, f -> f.put("service_code", "unknown"))
                .says("service_code tidak dikenal"));
        cases.add(post("service_code as SQL", 400,
                f -> f.put("service_code", "road'; DROP TABLE intake.complaint_status; --"))
                .says("service_code tidak dikenal"));
        cases.add(post("service_code as script", 400, f -> f.put("service_code", "<script>alert(1)</script>")));
        cases.add(post("two different service_codes", 400, f -> f.put("service_code", "road"),
                "&service_code=school").says("lebih dari sekali"));
        // --- description ---
        cases.add(postAddressMarked("missing description", 400, f -> f.remove("description"))
                .says("description wajib diisi"));
        cases.add(postAddressMarked("blank description", 400, f -> f.put("description", " \t\n "))
                .says("description wajib diisi"));
        cases.add(postAddressMarked("too short description", 400, f -> f.put("description", "rusak"))
                .says("10 sampai 4000"));
        cases.add(postAddressMarked("description only a script", 400,
                f -> f.put("description", "<script>alert('jalan rusak parah sekali')</script>"))
                .says("description wajib diisi"));
        cases.add(postAddressMarked("description only tags", 400,
                f -> f.put("description", "<b></b><i></i><img src=x onerror=alert(1)>"))
                .says("description wajib diisi"));
        cases.add(postAddressMarked("description of 4001 characters", 400,
                f -> f.put("description", "jalan ".repeat(700).substring(0, 4001))).says("10 sampai 4000"));
        cases.add(postAddressMarked("description of 4001 multi-byte characters", 400,
                f -> f.put("description", "é".repeat(4001))).says("10 sampai 4000"));
        cases.add(postAddressMarked("description only control characters", 400,
                f -> f.put("description", "\u0000\u0001\u0007\u001b\u007f")).says("description wajib diisi"));
        // --- location ---
        cases.add(post("no location at all", 400, f -> {
            f.remove("lat");
            f.remove("long");
        }).says("Lokasi wajib diisi"));
        cases.add(post("lat without long", 400, f -> f.remove("long")).says("harus dikirim bersama"));
        cases.add(post("long without lat", 400, f -> f.remove("lat")).says("harus dikirim bersama"));
        cases.add(post("lat 91", 400, f -> f.put("lat", "91")).says("-90 sampai 90"));
        cases.add(post("lat -90.0001", 400, f -> f.put("lat", "-90.0001")));
        cases.add(post("long 181", 400, f -> f.put("long", "181")));
        cases.add(post("lat NaN", 400, f -> f.put("lat", "NaN")).says("-90 sampai 90"));
        cases.add(post("long Infinity", 400, f -> f.put("long", "Infinity")));
        cases.add(post("lat in exponent form", 400, f -> f.put("lat", "-3e0")));
        cases.add(post("lat in hexadecimal", 400, f -> f.put("lat", "-0x1p1")).says("-90 sampai 90"));
        cases.add(post("lat with a decimal comma", 400, f -> f.put("lat", "-3,7956")).says("-90 sampai 90"));
        cases.add(post("lat as SQL", 400, f -> f.put("lat", "-3.79; DELETE FROM intake.complaint_status")));
        cases.add(post("point in Jakarta", 400, f -> {
            f.put("lat", "-6.2000");
            f.put("long", "106.8166");
        }).says("di luar Provinsi Bengkulu"));
        cases.add(post("point at 0,0", 400, f -> {
            f.put("lat", "0");
            f.put("long", "0");
        }).says("di luar Provinsi Bengkulu"));
        cases.add(post("point in Paris", 400, f -> {
            f.put("lat", "48.8566");
            f.put("long", "2.3522");
        }).says("di luar Provinsi Bengkulu"));
        cases.add(post("address naming no region and no point", 400, f -> {
            f.remove("lat");
            f.remove("long");
            f.put("address_string", "Jalan Mawar nomor tujuh");
            f.put("description", f.get("description").replace("pasar", "rumah"));
        }).says("tidak dapat ditentukan"));
        cases.add(post("address of 301 characters", 400, f -> f.put("address_string", "Jl. Salak ".repeat(31)))
                .says("address_string terlalu panjang"));
        // --- contact and media ---
        cases.add(post("names of 101 characters", 400, f -> {
            f.put("first_name", "Siti".repeat(13));
            f.put("last_name", "Rahma".repeat(10));
        }).says("terlalu panjang"));
        cases.add(post("email without @", 400, f -> f.put("email", "siti.example.id")).says("email tidak valid"));
        cases.add(post("email with a script", 400, f -> f.put("email", "<script>alert(1)</script>@example.id"))
                .says("email tidak valid"));
        cases.add(post("email of 300 characters", 400, f -> f.put("email", "s".repeat(288) + "@example.id")));
        cases.add(post("phone too short", 400, f -> f.put("phone", "12345")).says("nomor HP"));
        cases.add(post("phone with letters", 400, f -> f.put("phone", "0812-ABCD-7890")));
        cases.add(post("phone as SQL", 400, f -> f.put("phone", "0812' OR 1=1 --")).says("nomor HP"));
        cases.add(post("media_url javascript:", 400, f -> f.put("media_url", "javascript:alert(document.cookie)"))
                .says("media_url"));
        cases.add(post("media_url ftp:", 400, f -> f.put("media_url", "ftp://example.id/foto.jpg")));
        cases.add(post("media_url without host", 400, f -> f.put("media_url", "http://")).says("media_url"));
        cases.add(post("media_url not a URL", 400, f -> f.put("media_url", "foto jalan rusak.jpg")));
        // --- encoding ---
        cases.add(raw("broken escape %zz", 400, FORM, "&description=Jalan%zzrusak+%s").says("pengkodean persen"));
        cases.add(raw("truncated escape %4", 400, FORM, "&address_string=%s&description=" + enc(VALID_DESCRIPTION)
                + "%4").says("pengkodean persen"));
        cases.add(raw("lone percent sign", 400, FORM, "&description=Jalan+rusak+100%+%s").says("pengkodean persen"));
        cases.add(raw("percent-encoded invalid UTF-8", 400, FORM, "&description=Jalan+%C3%28+rusak+%s")
                .says("UTF-8 tidak valid"));
        cases.add(raw("overlong UTF-8 encoding of /", 400, FORM, "&description=Jalan+%C0%AF+rusak+%s")
                .says("UTF-8 tidak valid"));
        cases.add(raw("UTF-8 encoded surrogate", 400, FORM, "&description=Jalan+%ED%A0%80+rusak+%s")
                .says("UTF-8 tidak valid"));
        String rawBytesMarker = nextMarker();
        cases.add(new Case("raw invalid UTF-8 bytes", "POST", BASE + "requests.json", FORM,
                concat(base(false).getBytes(StandardCharsets.UTF_8), "&description=Jalan+rusak+".getBytes(),
                        new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xC3}, rawBytesMarker.getBytes()), rawBytesMarker,
                400).says("UTF-8")); // refused by this door's decoder, or first by a shared UTF-8 check
        cases.add(raw("form as JSON", 400, "application/json", "&description=%s")
                .says("application/x-www-form-urlencoded"));
        cases.add(raw("form as text", 400, "text/plain; charset=utf-8", "&description=" + enc(VALID_DESCRIPTION)
                + "+%s"));
        cases.add(raw("form in multipart", 400, "multipart/form-data; boundary=x", "&description="
                + enc(VALID_DESCRIPTION) + "+%s").says("application/x-www-form-urlencoded"));
        cases.add(raw("form in UTF-16", 400, "application/x-www-form-urlencoded; charset=utf-16",
                "&description=" + enc(VALID_DESCRIPTION) + "+%s").says("application/x-www-form-urlencoded"));
        cases.add(new Case("empty form: no api_key", "POST", BASE + "requests.xml", FORM, null, nextMarker(), 403));
        cases.add(raw("201 parameters", 400, FORM, "&description=" + enc(VALID_DESCRIPTION) + "+%s"
                + "&x=1".repeat(201)).says("Terlalu banyak parameter"));
        cases.add(raw("content type */*", 400, "*/*", "&description=" + enc(VALID_DESCRIPTION) + "+%s")
                .says("application/x-www-form-urlencoded"));
        cases.add(raw("content type without a slash", 400, "form", "&description=" + enc(VALID_DESCRIPTION)
                + "+%s"));
        cases.add(raw("content type with a broken parameter", 400, "application/x-www-form-urlencoded; charset",
                "&description=" + enc(VALID_DESCRIPTION) + "+%s"));
        cases.add(post("malformed Accept-Language", 400, f -> f.remove("service_code"))
                .header("Accept-Language", ";;q=x,,*;q=2").says("service_code wajib diisi"));
        cases.add(raw("body over 64 KiB", 413, FORM, "&description=" + "jalan+rusak+".repeat(6000) + "%s")
                .says("terlalu besar"));
        cases.add(post("unsupported format .html", 400, f -> { }).at(BASE + "requests.html")
                .says("Format tidak didukung"));
        // --- GET ---
        cases.add(get("services/{code} unknown", 404, "services/pothole.xml").says("Tidak ada layanan"));
        cases.add(get("services/{code} as SQL", 404, "services/road'%20OR%20'1'='1.json"));
        cases.add(get("start_date not a date", 400, "requests.xml?start_date=yesterday")
                .says("start_date harus tanggal"));
        cases.add(get("start_date month 13", 400, "requests.json?start_date=2026-13-45T00:00:00Z"));
        cases.add(get("start_date without a zone", 400, "requests.xml?start_date=2026-11-01T00:00:00")
                .says("start_date harus tanggal"));
        cases.add(get("end_date date only", 400, "requests.json?end_date=2026-11-01").says("end_date harus tanggal"));
        cases.add(get("start_date year 99999", 400, "requests.xml?start_date=%2B99999-01-01T00:00:00Z")
                .says("start_date harus tanggal"));
        cases.add(get("end_date before start_date", 400,
                "requests.json?start_date=2026-11-02T00:00:00Z&end_date=2026-11-01T00:00:00Z")
                .says("paling lama 90 hari"));
        cases.add(get("range over 90 days", 400,
                "requests.xml?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z")
                .says("paling lama 90 hari"));
        cases.add(get("start_date as SQL", 400, "requests.json?start_date=2026-01-01'%20OR%201=1--"));
        cases.add(get("status pending", 400, "requests.xml?status=pending").says("status hanya boleh"));
        cases.add(get("status as SQL", 400, "requests.json?status=open')%20OR%20('1'='1").says("status hanya boleh"));
        cases.add(get("service_code filter unknown", 400, "requests.xml?service_code=pothole")
                .says("service_code tidak dikenal"));
        cases.add(get("limit zero", 400, "requests.json?limit=0").says("limit harus"));
        cases.add(get("limit negative", 400, "requests.xml?limit=-5"));
        cases.add(get("limit not a number", 400, "requests.json?limit=all").says("limit harus"));
        cases.add(get("service_request_id as SQL", 400, "requests.xml?service_request_id=1%20OR%201=1")
                .says("nomor pelacakan Aduan"));
        cases.add(get("invalid UTF-8 in the query", 400, "requests.xml?service_code=%FF%FE"));
        cases.add(get("requests/{id} unknown", 404, "requests/ADU-0000-0000-0000-0000.xml")
                .says("Tidak ada pengaduan publik"));
        cases.add(get("requests/{id} as SQL", 404, "requests/'%20OR%201=1%20--.json")
                .says("Tidak ada pengaduan publik"));
        cases.add(get("unknown resource", 404, "tokens/12345.xml").says("Alamat tidak ditemukan"));
        cases.add(get("double extension", 404, "requests.json.xml").says("Alamat tidak ditemukan"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRequests")
    void isRefusedInTheSpecFormatAndNothingIsKept(Case hostile) {
        RequestSpecification request = exactly();
        if (hostile.contentType() != null) {
            request.contentType(hostile.contentType());
        }
        if (hostile.body() != null) {
            request.body(hostile.body());
        }
        request.headers(hostile.headers());
        Response response = request.request(hostile.method(), hostile.path());
        int status = response.statusCode();
        String contentType = response.contentType();
        String body = response.asString();

        List<String> reasons = hostile.path().endsWith(".json") || hostile.path().contains(".json?")
                ? Open311ResourceTest.jsonError(status, contentType, body, hostile.status())
                        .getList("description", String.class)
                : Open311ResourceTest.xmlError(status, contentType, body, hostile.status())
                        .getList("errors.error.description", String.class);
        if (hostile.says() != null) {
            assertThat(reasons).anySatisfy(reason -> assertThat(reason).contains(hostile.says()));
        }
        if ("POST".equals(hostile.method())) {
            assertThat(Sql.count("select count(*) from intake.complaint_status where description like ? "
                    + "or address like ?", "%" + hostile.marker() + "%", "%" + hostile.marker() + "%")).isZero();
        }
    }

    /**
     * A broken escape in the URL itself never reaches Open311: Quarkus' HTTP layer validates every request URI first
     * and answers a bare 400, for every endpoint of the service. Written by hand, as no client library sends it.
     */
    @Test
    void brokenEscapesInTheUrlAreRefusedBeforeAnyResource() throws IOException {
        for (String path : List.of("requests.json?status=%zz", "requests/ADU-%zz.xml", "services.xml?x=%4")) {
            HttpURLConnection connection = (HttpURLConnection) new URL("http", "localhost", RestAssured.port,
                    BASE + path).openConnection();
            assertThat(connection.getResponseCode()).as(path).isEqualTo(400);
            connection.disconnect();
        }
    }

    @Test
    void atLeastFortyHostileCases() {
        assertThat(hostileRequests().count()).isGreaterThanOrEqualTo(40);
        assertThat(hostileRequests().map(Case::name).distinct().count()).isEqualTo(hostileRequests().count());
    }

    /**
     * The control: the form every case spoils is accepted as it is, so each refusal is for the case's reason. Sent
     * as FixMyStreet sends it, without a charset parameter.
     */
    @Test
    void theUnspoiledFormIsAccepted() {
        String control = "kontrol" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> form = validForm();
        form.put("description", VALID_DESCRIPTION + " " + control);
        form.put("media_url", "https://example.id/foto.jpg");
        form.put("address_string", "Kel. Pasar Baru");
        exactly().contentType("application/x-www-form-urlencoded")
                .body(encode(form).getBytes(StandardCharsets.UTF_8))
                .post(BASE + "requests.xml").then().statusCode(200).contentType("text/xml; charset=utf-8");
        assertThat(Sql.count("select count(*) from intake.complaint_status where description like ?",
                "%" + control + "%")).isEqualTo(1);
    }

    /** A request with the bytes exactly as given: no encoding, no charset added by REST Assured. */
    static RequestSpecification exactly() {
        return given().urlEncodingEnabled(false).config(RestAssuredConfig.config()
                .encoderConfig(encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)
                        .encodeContentTypeAs("application/x-www-form-urlencoded", ContentType.BINARY)
                        .encodeContentTypeAs("multipart/form-data", ContentType.BINARY)
                        .encodeContentTypeAs("application/json", ContentType.BINARY)
                        .encodeContentTypeAs("text/plain", ContentType.BINARY)));
    }

    @AfterAll
    static void nothingRefusedReachedKafka() {
        KafkaTopics.awaitQuiet();
        assertThat(KafkaTopics.all(Topics.COMPLAINTS_SUBMITTED,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(RUN))).isEmpty();
        assertThat(Sql.count("select count(*) from intake.complaint_status where description like ? or address like ?",
                "%" + RUN + "%", "%" + RUN + "%")).isZero();
    }

    // --- Building the cases ---

    interface Spoil {
        void apply(Map<String, String> form);
    }

    static Map<String, String> validForm() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", KEY);
        form.put("service_code", "road");
        form.put("lat", "-3.7956");
        form.put("long", "102.2592");
        form.put("description", VALID_DESCRIPTION);
        form.put("email", "warga@example.id");
        form.put("first_name", "Siti");
        form.put("last_name", "Rahmawati");
        form.put("phone", "081234567890");
        return form;
    }

    private static int counter;

    private static String nextMarker() {
        return RUN + "n" + counter++;
    }

    /** The valid form with the marker in its description, spoiled in one way. */
    static Case post(String name, int status, Spoil spoil) {
        return post(name, status, spoil, "");
    }

    static Case post(String name, int status, Spoil spoil, String extra) {
        String marker = nextMarker();
        Map<String, String> form = validForm();
        form.put("description", VALID_DESCRIPTION + " " + marker);
        spoil.apply(form);
        if (form.containsKey("description") && !form.get("description").contains(marker)) {
            form.put("description", form.get("description") + " " + marker);
        }
        String path = BASE + (counter % 2 == 0 ? "requests.xml" : "requests.json");
        return new Case(name, "POST", path, FORM, (encode(form) + extra).getBytes(StandardCharsets.UTF_8), marker,
                status);
    }

    /** The description is what is spoiled: the marker goes into the address. */
    static Case postAddressMarked(String name, int status, Spoil spoil) {
        String marker = nextMarker();
        Map<String, String> form = validForm();
        form.put("address_string", "Kel. Pasar Baru " + marker);
        spoil.apply(form);
        String path = BASE + (counter % 2 == 0 ? "requests.xml" : "requests.json");
        return new Case(name, "POST", path, FORM, encode(form).getBytes(StandardCharsets.UTF_8), marker, status);
    }

    /** The valid form without description, then a raw tail ({@code %s} is the marker). */
    static Case raw(String name, int status, String contentType, String tail) {
        String marker = nextMarker();
        String body = base(false) + (tail.contains("%s") ? tail.replace("%s", marker) : tail);
        String path = BASE + (counter % 2 == 0 ? "requests.xml" : "requests.json");
        return new Case(name, "POST", path, contentType, body.getBytes(StandardCharsets.ISO_8859_1), marker, status);
    }

    static Case get(String name, int status, String pathAndQuery) {
        counter++;
        return new Case(name, "GET", BASE + pathAndQuery, null, null, null, status);
    }

    /** The valid form, encoded, with or without its description. */
    static String base(boolean withDescription) {
        Map<String, String> form = validForm();
        if (!withDescription) {
            form.remove("description");
        }
        return encode(form);
    }

    static String encode(Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&").append(enc(name)).append('=')
                .append(enc(value)));
        return body.toString();
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }
}
