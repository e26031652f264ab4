package id.aduan.inbox.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.aduan.events.Category;
import id.aduan.events.ComplaintRouted;
import id.aduan.events.ComplaintSnapshot;
import id.aduan.events.EventEnvelope;
import id.aduan.events.RoutingDecision;
import id.aduan.events.Topics;
import id.aduan.inbox.InboxFixtures;
import id.aduan.testing.KafkaTopics;
import id.aduan.testing.RealKafka;
import id.aduan.testing.RealPostgres;
import id.aduan.testing.TestOidc;
import id.aduan.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every inbox endpoint × every kind of caller × a complaint of the caller's own OPD and of another OPD: the status,
 * and that no other OPD's data appears in any body (OWASP API1, broken object-level authorization).
 */
@QuarkusTest
@WithTestResource(RealKafka.class)
@WithTestResource(RealPostgres.class)
@WithTestResource(TestOidc.class)
class AuthorizationMatrixTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    static final String OPD_A = "MA-" + RUN;
    static final String OPD_B = "MB-" + RUN;
    static final Fixture A = new Fixture(OPD_A);
    static final Fixture B = new Fixture(OPD_B);

    /** One complaint of an OPD, with everything that must never leak to another OPD. */
    record Fixture(String opd, UUID id, String trackingNumber, String marker) {
        Fixture(String opd) {
            this(opd, UUID.randomUUID(), "ADU-" + opd.substring(0, 2) + "00-" + RUN.substring(0, 4) + "-0000-0000",
                    "rahasia-" + opd);
        }
    }

    /** Who calls: a name for the report and the token (or none). */
    record CallerCase(String name, String token) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static boolean seeded;

    /** Once per class, but after Quarkus has started (REST Assured knows its port only then). */
    @BeforeEach
    void twoOpdsWithOneComplaintEach() {
        if (seeded) {
            return;
        }
        seeded = true;
        for (Fixture f : List.of(A, B)) {
            OffsetDateTime at = OffsetDateTime.now();
            KafkaTopics.send(Topics.COMPLAINTS_ROUTED, EventEnvelope.of(UUID.randomUUID(), f.id(), f.id(), null,
                    new ComplaintRouted(new ComplaintSnapshot(f.trackingNumber(), Category.HEALTH, "1771",
                            "Keluhan " + f.marker() + " yang hanya boleh dibaca OPD-nya", null, null, "api", at),
                            new RoutingDecision(f.opd(), "Dinas " + f.opd(), "rule", "1", "uji", 1, null)),
                    Clock.systemUTC()));
        }
        String governor = TestTokens.token("gubernur", null, "governor");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (Fixture f : List.of(A, B)) {
                given().auth().oauth2(governor).get("/api/v1/inbox/complaints/" + f.id()).then().statusCode(200);
            }
        });
    }

    static Stream<CallerCase> validCallers() {
        return Stream.of(
                new CallerCase("staff of A", TestTokens.token("staf.a", OPD_A, "opd-staff")),
                new CallerCase("head of A", TestTokens.token("staf.a", OPD_A, "opd-staff", "opd-head")),
                new CallerCase("governor", TestTokens.token("gubernur", null, "governor")),
                new CallerCase("admin", TestTokens.token("admin.aduan", null, "admin")),
                new CallerCase("staff without OPD", TestTokens.token("staf.tanpa", null, "opd-staff")),
                new CallerCase("no role", TestTokens.token("warga", OPD_A)));
    }

    static Stream<CallerCase> invalidTokens() {
        return Stream.of(
                new CallerCase("no token", null),
                new CallerCase("expired", TestTokens.expired("staf.a", OPD_A, "opd-staff")),
                new CallerCase("other issuer", TestTokens.fromOtherIssuer("staf.a", OPD_A, "opd-staff")),
                new CallerCase("other audience", TestTokens.forOtherAudience("staf.a", OPD_A, "opd-staff")),
                new CallerCase("signed by another key", TestTokens.signedByOtherKey("staf.a", OPD_A, "opd-staff")),
                new CallerCase("tampered (OPD A to B)", TestTokens.tampered("staf.a", OPD_A, OPD_B, "opd-staff")),
                new CallerCase("alg none", TestTokens.algNone("staf.a", OPD_A, "opd-staff")),
                new CallerCase("garbage", "not.a.token"));
    }

    /** An endpoint: its name and the request, against the complaint of A, of B, or of nobody. */
    record Endpoint(String name, Function<RequestSpecification, Response> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.add(new Endpoint("list", r -> r.queryParam("limit", 200).get("/api/v1/inbox/complaints")));
        endpoints.add(new Endpoint("detail of own (A)", r -> r.get("/api/v1/inbox/complaints/" + A.id())));
        endpoints.add(new Endpoint("detail of other (B)", r -> r.get("/api/v1/inbox/complaints/" + B.id())));
        endpoints.add(new Endpoint("detail of nobody", r -> r.get("/api/v1/inbox/complaints/" + UUID.randomUUID())));
        endpoints.add(new Endpoint("stats", r -> r.get("/api/v1/inbox/stats")));
        endpoints.add(new Endpoint("staff", r -> r.get("/api/v1/inbox/staff")));
        for (String action : ACTIONS.keySet()) {
            String body = ACTIONS.get(action);
            // On its own OPD's side, each action gets a fresh complaint, so that every one starts from ROUTED.
            endpoints.add(new Endpoint(action + " on own (A)", r -> r.contentType("application/json").body(body)
                    .post("/api/v1/inbox/complaints/" + freshComplaintOf(OPD_A) + "/" + action)));
            endpoints.add(new Endpoint(action + " on other (B)", r -> r.contentType("application/json").body(body)
                    .post("/api/v1/inbox/complaints/" + B.id() + "/" + action)));
        }
        return endpoints;
    }

    /** Every action with a valid body (assign: to the caller, whom acting makes known to the inbox). */
    static final java.util.Map<String, String> ACTIONS = new java.util.LinkedHashMap<>();

    static {
        ACTIONS.put("acknowledge", "{}");
        ACTIONS.put("respond", "{\"message\":\"Sedang kami periksa\"}");
        ACTIONS.put("request-info", "{\"question\":\"Di kilometer berapa?\"}");
        ACTIONS.put("resolve", "{\"message\":\"Sudah diperbaiki\"}");
        ACTIONS.put("reject", "{\"reason\":\"Jalan nasional\",\"suggestedOpd\":\"BPJN\"}");
        ACTIONS.put("notes", "{\"text\":\"Catatan internal\"}");
        ACTIONS.put("assign", "{\"assignee\":\"staf.a\"}");
    }

    static UUID freshComplaintOf(String opd) {
        return InboxFixtures.freshComplaintOf(opd);
    }

    /** What each caller gets from each endpoint. */
    static int expected(String caller, String endpoint) {
        boolean action = endpoint.contains(" on ");
        return switch (caller) {
            case "staff of A" -> endpoint.equals("stats") ? 403
                    : endpoint.equals("list") || endpoint.equals("staff") || endpoint.contains("own (A)") ? 200 : 404;
            case "head of A" -> endpoint.equals("list") || endpoint.equals("stats") || endpoint.equals("staff")
                    || endpoint.contains("own (A)") ? 200 : 404;
            // The governor reads everything and acts on nothing.
            case "governor" -> action || endpoint.equals("staff") ? 403
                    : endpoint.equals("detail of nobody") ? 404 : 200;
            default -> 403; // admin, staff without OPD, no role
        };
    }

    static Stream<Arguments> matrix() {
        return validCallers().flatMap(c -> endpoints().stream().map(e -> Arguments.of(c, e)));
    }

    static Stream<Arguments> unauthenticated() {
        return invalidTokens().flatMap(c -> endpoints().stream().map(e -> Arguments.of(c, e)));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("matrix")
    void eachCallerGetsWhatItsRoleAndOpdAllowAndNothingForeign(CallerCase caller, Endpoint endpoint) {
        Response response = endpoint.call().apply(given().auth().oauth2(caller.token()));

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(expected(caller.name(), endpoint.name()));
        if (response.statusCode() >= 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        // The problem's instance echoes the path the caller sent (and so an id it already had): not a leak.
        String body = response.asString().replaceAll("\"instance\":\"[^\"]*\"", "");
        if (caller.name().endsWith("of A")) {
            assertThat(body).doesNotContain(B.id().toString(), B.trackingNumber(), B.marker(), OPD_B);
        }
        if (!caller.name().equals("governor") && !caller.name().endsWith("of A")) {
            assertThat(body).doesNotContain(A.marker(), B.marker(), A.trackingNumber(), B.trackingNumber());
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("unauthenticated")
    void anInvalidOrMissingTokenIs401AndShowsNothing(CallerCase caller, Endpoint endpoint) {
        RequestSpecification request = caller.token() == null ? given() : given().auth().oauth2(caller.token());
        Response response = endpoint.call().apply(request);

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.asString()).doesNotContain(A.marker(), B.marker(), A.trackingNumber());
    }
}
