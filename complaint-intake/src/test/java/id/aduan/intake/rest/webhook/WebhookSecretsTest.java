package id.aduan.intake.rest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.aduan.support.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSecretsTest {

    private static final byte[] BODY = "{\"object\":\"whatsapp_business_account\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theHmacIsTheOneMetaDocuments() {
        // HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog"), the RFC 4231-style reference value.
        assertThat(HexFormat.of().formatHex(WebhookSecrets.hmacSha256("key",
                "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void aRightSignatureInEitherCasePasses() {
        String hex = HexFormat.of().formatHex(WebhookSecrets.hmacSha256("s3cret", BODY));
        assertThatCode(() -> WebhookSecrets.requireHmacSha256("sha256=" + hex, "s3cret", BODY, "sig"))
                .doesNotThrowAnyException();
        assertThatCode(() -> WebhookSecrets.requireHmacSha256("sha256=" + hex.toUpperCase(), "s3cret", BODY, "sig"))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" "})
    void aMissingSignatureIs401(String header) {
        assertThatThrownBy(() -> WebhookSecrets.requireHmacSha256(header, "s3cret", BODY, "sig"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha256=", "sha256=00", "sha1=abc", "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
        "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
        "sha256=gggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggg"})
    void aWrongOrMalformedSignatureIs403(String header) {
        assertThatThrownBy(() -> WebhookSecrets.requireHmacSha256(header, "s3cret", BODY, "sig"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.slug()).isEqualTo("sig-invalid");
                });
    }

    @Test
    void secretsAreComparedExactly() {
        assertThat(WebhookSecrets.same("abc", "abc")).isTrue();
        assertThat(WebhookSecrets.same("abc", "abcd")).isFalse();
        assertThat(WebhookSecrets.same("ABC", "abc")).isFalse();
        assertThat(WebhookSecrets.same(null, "abc")).isFalse();
        assertThatThrownBy(() -> WebhookSecrets.requireSecret(null, "abc", "s"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(401));
        assertThatThrownBy(() -> WebhookSecrets.requireSecret("abd", "abc", "s"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(403));
    }
}
