package id.aduan.deploy;

import static io.restassured.RestAssured.given;

/** Access tokens from the stack's real Keycloak, by password grant, as a client of realm aduan gets them. */
final class Tokens {

    private Tokens() {
    }

    static String of(String issuer, String user, String password) {
        return given().formParam("grant_type", "password").formParam("client_id", "aduan-web")
                .formParam("username", user).formParam("password", password)
                .post(issuer + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    static String of(Stack stack, String user) {
        return of(stack.oidcIssuer(), user, stack.users().get(user));
    }
}
