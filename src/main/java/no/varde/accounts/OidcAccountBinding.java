package no.varde.accounts;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Binds an OpenID Connect sign-in to a Varde account. The identity provider proves who the person is; the
 * role and the municipality come from the account an administrator created, matched by the token's subject
 * ({@code sub}) or, for a first sign-in, by the configured username claim. Nobody gets in only because the
 * provider knows them.
 */
class OidcAccountBinding extends OidcUserService {

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
                .orElseThrow(() -> denied("no Varde account is bound to this identity (sub " + subject + ")"));
        if (!account.enabled()) {
            throw denied("the Varde account " + account.username() + " is disabled");
        }
        return new OidcVardeUser(user, account);
    }

    private java.util.Optional<UserAccount> bindByUsername(OidcUser user) {
        Object claim = user.getClaims().get(properties.usernameClaim());
        if (!(claim instanceof String username) || username.isBlank()) {
            return java.util.Optional.empty();
        }
        return accounts.findByUsername(username)
                .filter(account -> account.oidcSubject() == null)
                .map(account -> accounts.save(new UserAccount(
                        account.id(),
                        account.username(),
                        account.displayName(),
                        account.passwordHash(),
                        user.getSubject(),
                        account.role(),
                        account.kommunenummer(),
                        account.responseCentreId(),
                        account.enabled())));
    }

    private static OAuth2AuthenticationException denied(String reason) {
        return new OAuth2AuthenticationException(new OAuth2Error("access_denied", reason, null), reason);
    }
}
