package no.varde.accounts;

import com.nimbusds.jose.jwk.JWK;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.security.oauth2.client.endpoint.NimbusJwtClientAuthenticationParametersConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * How Varde authenticates itself at the provider's token endpoint. The registration's standard
 * {@code client-authentication-method} decides: {@code client_secret_basic}/{@code client_secret_post} use the
 * client secret; {@code private_key_jwt} (what HelseID requires) signs a client assertion with the private JWK
 * from {@code varde.security.oidc.client-jwk}. The assertion's audience is the provider's issuer, as HelseID
 * expects, rather than Spring's default of the token endpoint.
 */
final class OidcClientAuthentication {

    private OidcClientAuthentication() {}

    static boolean needsPrivateKey(ClientRegistration registration) {
        return ClientAuthenticationMethod.PRIVATE_KEY_JWT.equals(registration.getClientAuthenticationMethod());
    }

    static OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> tokenClient(@Nullable JWK clientKey) {
        RestClientAuthorizationCodeTokenResponseClient client = new RestClientAuthorizationCodeTokenResponseClient();
        if (clientKey != null) {
            client.addParametersConverter(clientAssertions(clientKey));
        }
        return client;
    }

    static NimbusJwtClientAuthenticationParametersConverter<OAuth2AuthorizationCodeGrantRequest> clientAssertions(
            JWK clientKey) {
        var converter = new NimbusJwtClientAuthenticationParametersConverter<OAuth2AuthorizationCodeGrantRequest>(
                registration -> needsPrivateKey(registration) ? clientKey : null);
        converter.setJwtClientAssertionCustomizer(context -> {
            String issuer = context.getAuthorizationGrantRequest()
                    .getClientRegistration()
                    .getProviderDetails()
                    .getIssuerUri();
            if (issuer != null) {
                context.getClaims().audience(List.of(issuer));
            }
        });
        return converter;
    }

    static JWK loadPrivateKey(Resource location) {
        try {
            JWK key = JWK.parse(location.getContentAsString(StandardCharsets.UTF_8));
            if (!key.isPrivate()) {
                throw new IllegalStateException(
                        "VARDE-ACCT-0031: " + location + " holds a public key; private_key_jwt needs the private JWK");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("VARDE-ACCT-0030: cannot read the OpenID Connect client key " + location, e);
        } catch (ParseException e) {
            throw new IllegalStateException(
                    "VARDE-ACCT-0031: " + location + " is not a JSON Web Key: " + e.getMessage(), e);
        }
    }
}
