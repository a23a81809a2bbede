package no.varde.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;

/** private_key_jwt as HelseID expects it: a client assertion signed with the client's key, aud = issuer. */
class OidcClientAuthenticationUnitTests {

    static final String ISSUER = "https://helseid-sts.test.nhn.no";

    @Test
    void signsAClientAssertionForPrivateKeyJwtWithTheIssuerAsAudience() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("varde-test-key").generate();
        var parameters = OidcClientAuthentication.clientAssertions(key)
                .convert(grantRequest(ClientAuthenticationMethod.PRIVATE_KEY_JWT));

        assertThat(parameters.getFirst("client_assertion_type"))
                .isEqualTo("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        SignedJWT assertion = SignedJWT.parse(parameters.getFirst("client_assertion"));
        assertThat(assertion.verify(new RSASSAVerifier(key.toRSAPublicKey()))).isTrue();
        assertThat(assertion.getHeader().getKeyID()).isEqualTo("varde-test-key");
        assertThat(assertion.getJWTClaimsSet().getIssuer()).isEqualTo("varde-client");
        assertThat(assertion.getJWTClaimsSet().getSubject()).isEqualTo("varde-client");
        assertThat(assertion.getJWTClaimsSet().getAudience()).containsExactly(ISSUER);
        assertThat(assertion.getJWTClaimsSet().getJWTID()).isNotBlank();
    }

    @Test
    void addsNothingForClientSecretAuthentication() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).generate();
        assertThat(OidcClientAuthentication.clientAssertions(key)
                        .convert(grantRequest(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)))
                .isNull();
    }

    @Test
    void loadsOnlyPrivateJsonWebKeys() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k").generate();
        assertThat(OidcClientAuthentication.loadPrivateKey(resource(key.toJSONString()))
                        .isPrivate())
                .isTrue();
        assertThatThrownBy(() -> OidcClientAuthentication.loadPrivateKey(
                        resource(key.toPublicJWK().toJSONString())))
                .hasMessageContaining("VARDE-ACCT-0031");
        assertThatThrownBy(() -> OidcClientAuthentication.loadPrivateKey(resource("not a key")))
                .hasMessageContaining("VARDE-ACCT-0031");
    }

    private static ByteArrayResource resource(String text) {
        return new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8));
    }

    private static OAuth2AuthorizationCodeGrantRequest grantRequest(ClientAuthenticationMethod method) {
        ClientRegistration registration = ClientRegistration.withRegistrationId("helseid")
                .clientId("varde-client")
                .clientAuthenticationMethod(method)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("https://varde.example/login/oauth2/code/helseid")
                .scope("openid")
                .authorizationUri(ISSUER + "/connect/authorize")
                .tokenUri(ISSUER + "/connect/token")
                .jwkSetUri(ISSUER + "/.well-known/openid-configuration/jwks")
                .issuerUri(ISSUER)
                .build();
        OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(ISSUER + "/connect/authorize")
                .clientId("varde-client")
                .redirectUri("https://varde.example/login/oauth2/code/helseid")
                .state("state")
                .build();
        OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success("code")
                .redirectUri("https://varde.example/login/oauth2/code/helseid")
                .state("state")
                .build();
        return new OAuth2AuthorizationCodeGrantRequest(
                registration, new OAuth2AuthorizationExchange(request, response));
    }
}
