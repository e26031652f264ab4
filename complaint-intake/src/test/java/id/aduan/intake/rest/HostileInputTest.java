package id.aduan.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.events.Topics;
import id.aduan.intake.domain.PhotoSamples;
import id.aduan.testing.KafkaTopics;
import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.Sql;
import id.aduan.testing.TestOidc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input at the REST API and the web form, generated: broken JSON and multipart, wrong types in every field,
 * invalid UTF-8, overlong fields, script and SQL text, fake and huge images, bad keys, hostile paths. Every case
 * must get a clear 4xx (problem details from the API, the Indonesian form from the form), never a 500, and leave
 * nothing stored or published: each carries a marker that must appear in no row and no event.
 */
@QuarkusTest
@WithTestResource(TestOidc.class)
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
class HostileInputTest {

    static final String MARKER = "hostile" + Long.toHexString(System.nanoTime());
    private static final String PROBLEM = "application/problem+json";

    /** A request and what kind of answer it must get. */
    record Case(String name, Function<RequestSpecification, Response> send, boolean html) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() throws Exception {
        List<Case> cases = new ArrayList<>();
        apiCases(cases);
        formCases(cases);
        pathCases(cases);
        return cases.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedClearlyAndStoresNothing(Case hostile) {
        long before = stored();
        Object began = Sql.value("select now()");
        Response response = hostile.send.apply(given().redirects().follow(false));
        int status = response.statusCode();
        assertThat(status).as("status of %s: %s", hostile.name, response.asString()).isBetween(400, 499);
        if (hostile.html) {
            assertThat(response.contentType()).startsWith("text/html");
            assertThat(response.asString()).contains("lang=\"id\"");
        } else {
            assertThat(response.contentType()).as("content type of %s", hostile.name).startsWith(PROBLEM);
            assertThat(response.jsonPath().getString("type")).startsWith("urn:aduan:problem:");
            assertThat(response.jsonPath().getString("title")).isNotBlank();
        }
        assertThat(stored()).as("complaints stored by %s", hostile.name).isEqualTo(before);
        // A contact, photo or key kept without its complaint carries no marker: count any row written since.
        for (String table : WRITTEN_AT_INTAKE) {
            assertThat(Sql.count("select count(*) from " + table + " where created_at >= ?", began))
                    .as("%s rows stored by %s", table, hostile.name).isZero();
        }
    }

    /** Where intake keeps a complaint (migrations V1, V3, V6); created_at is the writing transaction's now(). */
    private static final List<String> WRITTEN_AT_INTAKE = List.of("intake.complaint_status",
            "intake.reporter_contact", "intake.complaint_photo", "intake.idempotency_key");

    private static long stored() {
        return Sql.count("select count(*) from intake.complaint_status where description like ? or address like ?",
                "%" + MARKER + "%", "%" + MARKER + "%");
    }

    @AfterAll
    static void nothingWasPublished() {
        KafkaTopics.awaitQuiet();
        assertThat(KafkaTopics.all(Topics.COMPLAINTS_SUBMITTED,
                r -> new String(r.value(), StandardCharsets.ISO_8859_1).contains(MARKER))).isEmpty();
    }

    @Test
    void theGeneratedSetIsLargeEnough() throws Exception {
        assertThat(cases().count()).isGreaterThanOrEqualTo(220);
    }

    // --- the REST API ---

    private static final String VALID = """
            {"category":"road","description":"Jalan berlubang besar %s","region":"1771","address":"Jl. Salak %s",
             "location":{"latitude":-3.7956,"longitude":102.2592},
             "reporter":{"name":"Siti","phone":"081234567890","email":"siti@example.id"},
             "anonymous":false,"confidential":false}""".formatted(MARKER, MARKER);

    private static void apiCases(List<Case> cases) {
        // Broken JSON
        List<String> broken = List.of("", " ", "{", "}", "[", "]", "[]", "null", "true", "42", "\"jalan rusak\"",
                VALID.substring(0, VALID.length() / 2), VALID.substring(0, VALID.length() - 1), VALID + "}",
                VALID.replace("\"road\",", "\"road\",,"), VALID.replace("\"", "'"), "{category:road}",
                VALID.replace(":", "="), VALID.replace("}", "},"), "{\"description\": NaN}",
                "{\"description\": \"" + MARKER + "\" /* comment */}", "{\"description\": \"\\x41" + MARKER + "\"}",
                "{\"description\": \"\\u12\"}", "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
                "{\"description\":\"" + MARKER + "\"}{\"description\":\"dua\"}",
                VALID + " []", VALID.replace("\"category\"", "category"), VALID.replace("{", "{{"),
                "{\"description\":\"" + MARKER + "\", \"region\": 1771, \"category\": \"road\"}",
                "\uFEFF" + VALID.replace("\"road\"", "road"));
        for (int i = 0; i < broken.size(); i++) {
            String body = broken.get(i);
            cases.add(api("broken JSON #" + i, r -> r.contentType("application/json").body(body)));
        }
        // Every field with values of the wrong type or out of range
        Map<String, List<String>> wrong = new LinkedHashMap<>();
        List<String> notAString = List.of("42", "true", "[]", "{}", "[\"jalan\"]", "{\"a\":1}");
        wrong.put("category", concat(notAString, List.of("\"ufo\"", "\"ROAD; drop table\"", "\"<b>road</b>\"",
                "\"" + "r".repeat(500) + "\"")));
        wrong.put("description", concat(notAString, List.of("\"\"", "\"   \"", "\"pendek\"",
                "\"<script>alert(1)</script>\"", "\"<b></b><i> </i>\"", "\"" + "x".repeat(4001) + "\"", "null")));
        wrong.put("region", concat(notAString, List.of("\"Jakarta\"", "\"9999\"", "\"17\"", "\"Bengkulu\"",
                "\"<script>1771</script>x\"", "\"' or 1=1 --\"")));
        wrong.put("address", List.of("42", "[]", "{}", "\"" + "a".repeat(301) + "\""));
        wrong.put("location", List.of("\"-3.8,102.2\"", "42", "[]", "[-3.8,102.2]", "{\"latitude\":91,\"longitude\":102}",
                "{\"latitude\":-3.8}", "{\"longitude\":102.2}", "{\"latitude\":\"far\",\"longitude\":1}",
                "{\"latitude\":1e400,\"longitude\":102}", "{\"latitude\":48.85,\"longitude\":2.35}",
                "{\"latitude\":-3.8,\"longitude\":-102.2}", "{\"latitude\":null,\"longitude\":null}",
                "{\"latitude\":-6.2,\"longitude\":106.8}"));
        wrong.put("reporter", List.of("\"Siti\"", "42", "[]", "{\"phone\":\"12345\"}", "{\"phone\":\"0812\"}",
                "{\"phone\":\"+1 202 555 0100\"}", "{\"phone\":\"081234567890123456\"}",
                "{\"phone\":\"08abc1234567\"}", "{\"email\":\"bukan-email\"}", "{\"email\":\"a@\"}",
                "{\"email\":\"" + "e".repeat(250) + "@example.id\"}", "{\"name\":\"" + "n".repeat(101) + "\"}",
                "{\"name\":42}", "{\"phone\":[\"0812\"]}"));
        wrong.put("anonymous", List.of("\"yes\"", "\"ya\"", "[]", "{}", "2"));
        wrong.put("confidential", List.of("\"rahasia\"", "[]", "{}"));
        for (Map.Entry<String, List<String>> field : wrong.entrySet()) {
            for (int i = 0; i < field.getValue().size(); i++) {
                String body = withField(field.getKey(), field.getValue().get(i));
                cases.add(api(field.getKey() + " #" + i, r -> r.contentType("application/json").body(body)));
            }
        }
        // Invalid UTF-8 inside an otherwise valid body
        byte[][] badBytes = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xFE, (byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88},
            {(byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
        for (int i = 0; i < badBytes.length; i++) {
            byte[] body = spliceIntoDescription(VALID, badBytes[i]);
            cases.add(api("invalid UTF-8 #" + i, r -> r.contentType("application/json").body(body)));
        }
        // Not JSON at all
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "image/jpeg", "application/octet-stream")) {
            cases.add(api("content type " + type, r -> type.startsWith("application/x-www-form")
                    ? r.contentType(type).formParam("complaint", VALID)
                    : r.contentType(type).body(VALID.getBytes(StandardCharsets.UTF_8))));
        }
        // Too large for the API
        cases.add(api("body of 70 kB", r -> r.contentType("application/json")
                .body(withField("description", "\"" + "y".repeat(70_000) + "\""))));
        cases.add(api("body of 1 MB", r -> r.contentType("application/json")
                .body(withField("address", "\"" + "z".repeat(1_000_000) + "\""))));
        // Bad idempotency keys
        for (String key : List.of("short", "x".repeat(201), "spasi di dalam", "<script>", "kunci/garis/miring",
                "emoji\uD83D\uDE00key", "quote'key12", "semi;colon;")) {
            cases.add(api("Idempotency-Key " + key.length() + " chars",
                    r -> r.contentType("application/json").header("Idempotency-Key", key).body(VALID)));
        }
        // Headers nobody can read
        for (String language : List.of("en;q=abc", ";;;", "q=0.5", "*-*-*;q=2")) {
            cases.add(api("Accept-Language " + language, r -> r.header("Accept-Language", language)
                    .get("/api/v1/complaints/ADU-0000-0000-0000-0000")));
        }
        // Wrong methods
        cases.add(api("PUT complaints", r -> r.contentType("application/json").body(VALID).put("/api/v1/complaints")));
        cases.add(api("DELETE complaints", r -> r.delete("/api/v1/complaints")));
        cases.add(api("PATCH complaints", r -> r.contentType("application/json").body(VALID)
                .patch("/api/v1/complaints")));
    }

    // --- the web form ---

    private static void formCases(List<Case> cases) throws Exception {
        Map<String, String> valid = new LinkedHashMap<>();
        valid.put("key", "5b0d6a4e-3f0e-4a53-9a43-8d3f2a3b9c11");
        valid.put("category", "road");
        valid.put("description", "Jalan berlubang besar " + MARKER);
        valid.put("region", "1708");
        valid.put("address", "Desa " + MARKER);
        Map<String, List<String>> wrong = new LinkedHashMap<>();
        wrong.put("category", List.of("", "ufo", "<script>alert(1)</script>", "road' or '1'='1", "x".repeat(300)));
        wrong.put("description", List.of("", " ", "pendek", "<script>alert(1)</script>", "<p></p>",
                "x".repeat(4001) + MARKER, "\u0000\u0001\u0002"));
        wrong.put("region", List.of("", "9999", "Jakarta", "Bengkulu", "<b>9999</b>", "1708' --", "Medan"));
        wrong.put("address", List.of("a".repeat(400) + MARKER));
        wrong.put("latitude", List.of("jauh", "91", "-3.8.1", "1e400", "NaN", "-3,8,1"));
        wrong.put("longitude", List.of("timur", "181", "--102"));
        wrong.put("phone", List.of("12345", "0812", "08abc1234567", "+1 202 555 0100", "0".repeat(30)));
        wrong.put("email", List.of("bukan-email", "a@", "@example.id", "e".repeat(300) + "@x.id"));
        wrong.put("name", List.of("n".repeat(150)));
        for (Map.Entry<String, List<String>> field : wrong.entrySet()) {
            for (int i = 0; i < field.getValue().size(); i++) {
                Map<String, String> form = new LinkedHashMap<>(valid);
                form.put(field.getKey(), field.getValue().get(i));
                if (field.getKey().equals("latitude")) {
                    form.put("longitude", "102.5");
                }
                if (field.getKey().equals("longitude")) {
                    form.put("latitude", "-3.6");
                }
                cases.add(form("form " + field.getKey() + " #" + i, form, null, null));
            }
        }
        // Photos that are not what they claim, or too big
        byte[] jpeg = PhotoSamples.jpeg();
        Map<String, byte[]> photos = new LinkedHashMap<>();
        photos.put("html as jpeg", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        photos.put("gif", "GIF89a\1\0\1\0\0\0\0;".getBytes(StandardCharsets.ISO_8859_1));
        photos.put("truncated jpeg", Arrays.copyOf(jpeg, jpeg.length / 2));
        photos.put("jpeg magic then garbage", jpegMagicThenGarbage());
        photos.put("png claiming 100000x100000", PhotoSamples.pngClaiming(100_000, 100_000));
        photos.put("6 MB of zeros", new byte[5 * 1024 * 1024 + 10]);
        photos.put("pdf", "%PDF-1.4\n%\u00e2\u00e3".getBytes(StandardCharsets.ISO_8859_1));
        photos.put("exe", new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0});
        photos.put("svg with script", "<svg onload=alert(1)></svg>".getBytes(StandardCharsets.UTF_8));
        photos.put("png header only", Arrays.copyOf(PhotoSamples.png(), 20));
        for (Map.Entry<String, byte[]> photo : photos.entrySet()) {
            cases.add(form("form photo " + photo.getKey(), valid, photo.getValue(), "foto.jpg"));
        }
        // A form body that is no multipart at all, or broken
        cases.add(new Case("form urlencoded", r -> r.contentType("application/x-www-form-urlencoded")
                .body("category=road&description=" + MARKER).post("/"), false));
        cases.add(new Case("form json", r -> r.contentType("application/json").body(VALID).post("/"), false));
        cases.add(new Case("form broken multipart", r -> r.contentType("multipart/form-data; boundary=abc")
                .body(("--abc\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\n" + MARKER)
                        .getBytes(StandardCharsets.UTF_8)).post("/"), false));
        // Text fields that are not valid UTF-8
        for (int i = 0; i < 6; i++) {
            byte[] bad = spliceIntoDescription("Jalan berlubang besar " + MARKER, new byte[][] {{(byte) 0xC3, 0x28},
                {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0x80},
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}}[i]);
            Map<String, String> rest = new LinkedHashMap<>(valid);
            rest.remove("description");
            cases.add(new Case("form invalid UTF-8 #" + i, r -> {
                rest.forEach(r::multiPart);
                return r.multiPart(new io.restassured.builder.MultiPartSpecBuilder(bad).controlName("description")
                        .mimeType("text/plain").emptyFileName().build()).post("/");
            }, true));
        }
        cases.add(new Case("form body of 7 MB", r -> r.multiPart("description", MARKER)
                .multiPart("photo", "besar.jpg", new byte[7 * 1024 * 1024], "image/jpeg").post("/"), false));
    }

    // --- hostile paths ---

    private static void pathCases(List<Case> cases) {
        for (String path : List.of("ADU-0000-0000-0000-0000", "'%20or%201=1%20--", "ADU-1111-2222-3333-4444", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                "..%2F..%2Fetc%2Fpasswd", "%00", "A".repeat(300), "ADU-AAAA-BBBB-CCCC-DDD%0A", "null", "-1",
                "%F0%9F%98%80", "%C0%AF", "%FF%FE", "ADU%20%2D%20XXXX", "..%2F", "%2E%2E%2F%2E%2E")) {
            cases.add(api("GET status " + path.substring(0, Math.min(20, path.length())),
                    r -> r.urlEncodingEnabled(false).get("/api/v1/complaints/" + path)));
            cases.add(new Case("GET status page " + path.substring(0, Math.min(20, path.length())),
                    r -> r.urlEncodingEnabled(false).get("/lacak/" + path), true));
        }
    }

    // --- helpers ---

    private static Case api(String name, Function<RequestSpecification, Object> send) {
        return new Case("api " + name, r -> {
            Object sent = send.apply(r);
            return sent instanceof Response response ? response : ((RequestSpecification) sent)
                    .post("/api/v1/complaints");
        }, false);
    }

    private static Case form(String name, Map<String, String> fields, byte[] photo, String fileName) {
        return new Case(name, r -> {
            fields.forEach(r::multiPart);
            if (photo != null) {
                r.multiPart("photo", fileName, photo, "image/jpeg");
            }
            return r.post("/");
        }, true);
    }

    private static String withField(String field, String json) {
        String body = VALID.replaceFirst("\"" + field + "\":(\\{[^}]*\\}|\"[^\"]*\"|[a-z]+)", "\"" + field + "\":"
                + java.util.regex.Matcher.quoteReplacement(json));
        if (body.equals(VALID)) {
            throw new IllegalStateException("No field " + field);
        }
        return body;
    }

    private static byte[] spliceIntoDescription(String json, byte[] bad) {
        int at = json.indexOf(MARKER);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] head = json.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] tail = json.substring(at).getBytes(StandardCharsets.UTF_8);
        out.writeBytes(head);
        out.writeBytes(bad);
        out.writeBytes(tail);
        return out.toByteArray();
    }

    private static byte[] jpegMagicThenGarbage() {
        byte[] fake = new byte[4096];
        new java.util.Random(7).nextBytes(fake);
        fake[0] = (byte) 0xFF;
        fake[1] = (byte) 0xD8;
        fake[2] = (byte) 0xFF;
        return fake;
    }

    @SafeVarargs
    private static <T> List<T> concat(List<T>... lists) {
        return Stream.of(lists).flatMap(List::stream).toList();
    }
}
