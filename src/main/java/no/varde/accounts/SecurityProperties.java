package no.varde.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in settings.
 *
 * @param oidc OpenID Connect (HelseID-compatible) sign-in; the client itself is configured with the standard
 *     {@code spring.security.oauth2.client.registration.helseid.*} and {@code ...provider.helseid.*} settings
 */
@ConfigurationProperties("varde.security")
public record SecurityProperties(Oidc oidc) {

    public SecurityProperties {
        if (oidc == null) {
            oidc = new Oidc(false, "helseid", "preferred_username");
        }
    }

    /**
     * @param enabled offer "sign in with HelseID" on the login page
     * @param registrationId the Spring Security client registration id
     * @param usernameClaim the claim matched against a Varde username on a person's first sign-in
     */
    public record Oidc(boolean enabled, String registrationId, String usernameClaim) {

        public Oidc {
            if (registrationId == null || registrationId.isBlank()) {
                registrationId = "helseid";
            }
            if (usernameClaim == null || usernameClaim.isBlank()) {
                usernameClaim = "preferred_username";
            }
        }
    }
}
