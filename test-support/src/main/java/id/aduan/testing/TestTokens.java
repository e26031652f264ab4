package id.aduan.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bearer tokens shaped like Keycloak's for realm aduan (issuer, audience aduan-api, realm_access.roles, opd claim),
 * signed with a key of this test JVM, and the ways a token can be wrong. The service under test verifies them with
 * quarkus-oidc against {@link #publicKey()} (see {@link TestOidc}): real signature, expiry, issuer and audience
 * checks, without a running Keycloak. The system tests use the real Keycloak.
 */
public final class TestTokens {

    public static final String ISSUER = "https://keycloak.test/realms/aduan";
    public static final String AUDIENCE = "aduan-api";

    private static final KeyPair KEYS = rsa();
    private static final KeyPair OTHER_KEYS = rsa();

    private TestTokens() {
    }

    /** The public key, base64 DER, as quarkus.oidc.public-key takes it. */
    public static String publicKey() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    /** A valid token of a user with an OPD (or {@code null}) and realm roles. */
    public static String token(String username, String opd, String... roles) {
        return sign(claims(username, opd, roles), KEYS.getPrivate());
    }

    public static String expired(String username, String opd, String... roles) {
        long past = System.currentTimeMillis() / 1000 - 3600;
        return sign(claims(username, opd, roles).issuedAt(past - 300).expiresAt(past), KEYS.getPrivate());
    }

    public static String fromOtherIssuer(String username, String opd, String... roles) {
        return sign(claims(username, opd, roles).issuer("https://evil.example/realms/aduan"), KEYS.getPrivate());
    }

    public static String forOtherAudience(String username, String opd, String... roles) {
        return sign(claims(username, opd, roles).audience("someone-else"), KEYS.getPrivate());
    }

    public static String signedByOtherKey(String username, String opd, String... roles) {
        return sign(claims(username, opd, roles), OTHER_KEYS.getPrivate());
    }

    /** A valid token whose payload was then changed (here: another OPD), keeping the old signature. */
    public static String tampered(String username, String opd, String otherOpd, String... roles) {
        String[] parts = token(username, opd, roles).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"" + opd + "\"", "\"" + otherOpd + "\"");
        return parts[0] + "." + base64Url(payload) + "." + parts[2];
    }

    /** An unsigned token: header alg none, no signature. */
    public static String algNone(String username, String opd, String... roles) {
        String payload = new String(Base64.getUrlDecoder().decode(token(username, opd, roles).split("\\.")[1]),
                StandardCharsets.UTF_8);
        return base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64Url(payload) + ".";
    }

    /** A stable subject per username, as Keycloak's user ids are. */
    public static String subjectOf(String username) {
        return UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static JwtClaimsBuilder claims(String username, String opd, String... roles) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .subject(subjectOf(username))
                .audience(AUDIENCE)
                .claim("preferred_username", username)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .expiresIn(600);
        return opd == null ? claims : claims.claim("opd", opd);
    }

    private static String sign(JwtClaimsBuilder claims, PrivateKey key) {
        return claims.jws().keyId("test").sign(key);
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
