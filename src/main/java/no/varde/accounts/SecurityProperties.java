package no.varde.accounts;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in settings.
 *
 * @param oidc OpenID Connect (HelseID-compatible) sign-in; the client itself is configured with the standard
 *     {@code spring.security.oauth2.client.registration.helseid.*} and {@code ...provider.helseid.*} settings,
 *     including {@code client-authentication-method} ({@code private_key_jwt} for HelseID,
 *     {@code client_secret_basic} for a provider with client secrets). See docs/production.md.
 */
@ConfigurationProperties("varde.security")
public record SecurityProperties(Oidc oidc) {

    public SecurityProperties {
        if (oidc == null) {
            oidc = new Oidc(false, "helseid", null, null);
        }
    }

    /**
     * @param enabled offer "sign in with HelseID" on the login page
     * @param registrationId the Spring Security client registration id
     * @param usernameClaim when set, a claim whose value binds a person to the Varde account of that username on
     *     their first sign-in (only for a claim the provider guarantees, never one users choose themselves);
     *     empty (the default) means only an administrator binds identities, by their subject ({@code sub})
     * @param clientJwk location of the client's private key as a JSON Web Key (e.g. {@code file:/run/secrets/
     *     helseid-client.jwk}), required when the registration's client-authentication-method is
     *     {@code private_key_jwt}
     */
    public record Oidc(
            boolean enabled,
            String registrationId,
            @Nullable String usernameClaim,
            @Nullable String clientJwk) {

        public Oidc {
            if (registrationId == null || registrationId.isBlank()) {
                registrationId = "helseid";
            }
            if (usernameClaim != null && usernameClaim.isBlank()) {
                usernameClaim = null;
            }
            if (clientJwk != null && clientJwk.isBlank()) {
                clientJwk = null;
            }
        }
    }
}
