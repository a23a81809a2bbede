package no.varde.accounts;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in settings.
 *
 * @param oidc OpenID Connect (HelseID-compatible) sign-in; the client itself is configured with the standard
 *     {@code spring.security.oauth2.client.registration.helseid.*} and {@code ...provider.helseid.*} settings,
 *     including {@code client-authentication-method} ({@code private_key_jwt} for HelseID,
 *     {@code client_secret_basic} for a provider with client secrets). See docs/production.md.
 * @param login throttling of password sign-ins (form login and HTTP Basic)
 * @param session the signed-in staff's web session
 * @param metrics the account Prometheus uses to scrape {@code /actuator/prometheus}
 */
@ConfigurationProperties("varde.security")
public record SecurityProperties(Oidc oidc, Login login, Session session, Metrics metrics) {

    public SecurityProperties {
        if (oidc == null) {
            oidc = new Oidc(false, "helseid", null, null);
        }
        if (login == null) {
            login = new Login(0, 0, null, null);
        }
        if (session == null) {
            session = new Session(null, null);
        }
        if (metrics == null) {
            metrics = new Metrics(null, null);
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

    /**
     * Temporary lockout after repeated failed password sign-ins. The state is kept in PostgreSQL, so a lock holds
     * on every node.
     *
     * @param accountFailures failures for one username within {@code window} that lock it (default 5)
     * @param addressFailures failures from one remote address within {@code window} that lock the address, for
     *     every username (default 30: higher, since a municipality's office may share one address)
     * @param window how far back failures count (default 15 minutes)
     * @param lockDuration how long a lock lasts (default 15 minutes); a correct password does not open it
     */
    public record Login(
            int accountFailures,
            int addressFailures,
            @Nullable Duration window,
            @Nullable Duration lockDuration) {

        public Login {
            if (accountFailures <= 0) {
                accountFailures = 5;
            }
            if (addressFailures <= 0) {
                addressFailures = 30;
            }
            if (window == null || window.isNegative() || window.isZero()) {
                window = Duration.ofMinutes(15);
            }
            if (lockDuration == null || lockDuration.isNegative() || lockDuration.isZero()) {
                lockDuration = Duration.ofMinutes(15);
            }
        }
    }

    /**
     * @param idleTimeout a signed-in user's session ends after this long without a request (default 30
     *     minutes); open console pages keep their session alive
     * @param keepAliveInterval how often an open console page tells the server it is still open (default 5
     *     minutes; must be well below {@code idleTimeout})
     */
    public record Session(
            @Nullable Duration idleTimeout, @Nullable Duration keepAliveInterval) {

        public Session {
            if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
                idleTimeout = Duration.ofMinutes(30);
            }
            if (keepAliveInterval == null
                    || keepAliveInterval.isNegative()
                    || keepAliveInterval.isZero()
                    || keepAliveInterval.compareTo(idleTimeout.dividedBy(2)) > 0) {
                keepAliveInterval = Duration.ofMinutes(5).compareTo(idleTimeout.dividedBy(2)) > 0
                        ? idleTimeout.dividedBy(3)
                        : Duration.ofMinutes(5);
            }
        }
    }

    /**
     * @param username the scrape account's name (default {@code prometheus}); it is not a Varde account and can
     *     read only the actuator endpoints
     * @param password its password (e.g. {@code VARDE_SECURITY_METRICS_PASSWORD}); empty means no scrape account,
     *     and only system administrators may read the metrics
     */
    public record Metrics(
            @Nullable String username, @Nullable String password) {

        public Metrics {
            if (username == null || username.isBlank()) {
                username = "prometheus";
            }
            if (password != null && password.isBlank()) {
                password = null;
            }
        }
    }
}
