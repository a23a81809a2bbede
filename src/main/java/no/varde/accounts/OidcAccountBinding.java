package no.varde.accounts;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Binds an OpenID Connect sign-in to a Varde account. The identity provider proves who the person is; the
 * role and the municipality come from the account an administrator created, matched by the token's subject
 * ({@code sub}) an administrator bound to it or, only if {@code varde.security.oidc.username-claim} is set, by
 * that claim on a first sign-in. Nobody gets in only because the provider knows them.
 */
class OidcAccountBinding extends OidcUserService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OidcAccountBinding.class);

    private final UserAccounts accounts;
    private final SecurityProperties.Oidc properties;

    OidcAccountBinding(UserAccounts accounts, SecurityProperties.Oidc properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = super.loadUser(request);
        String subject = user.getSubject();
        UserAccount account = accounts.findByOidcSubject(subject)
                .or(() -> bindByUsername(user))
                .orElseThrow(() ->
                        denied("VARDE-ACCT-0020: no Varde account is bound to this identity (sub " + subject + ")"));
        if (!account.enabled()) {
            throw denied("VARDE-ACCT-0021: the Varde account " + account.username() + " is disabled");
        }
        return new OidcVardeUser(user, account);
    }

    private java.util.Optional<UserAccount> bindByUsername(OidcUser user) {
        String claimName = properties.usernameClaim();
        if (claimName == null) {
            return java.util.Optional.empty();
        }
        Object claim = user.getClaims().get(claimName);
        if (!(claim instanceof String username) || username.isBlank()) {
            return java.util.Optional.empty();
        }
        return accounts.findByUsername(username)
                .filter(account -> account.oidcSubject() == null)
                .map(account -> accounts.save(account.withOidcSubject(user.getSubject())));
    }

    private static OAuth2AuthenticationException denied(String reason) {
        log.warn("OpenID Connect sign-in refused: {}", reason);
        return new OAuth2AuthenticationException(new OAuth2Error("access_denied", reason, null), reason);
    }
}
