package id.aduan.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * quarkus-oidc of the service under test verifies bearer tokens locally against {@link TestTokens}' key and
 * issuer, as it verifies Keycloak's in production (signature, expiry, issuer, audience).
 */
public class TestOidc implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.oidc.public-key", TestTokens.publicKey(),
                "quarkus.oidc.token.issuer", TestTokens.ISSUER);
    }

    @Override
    public void stop() {
        // Nothing runs.
    }
}
