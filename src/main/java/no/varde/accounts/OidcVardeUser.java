package no.varde.accounts;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import no.varde.shared.security.VardePrincipal;
import no.varde.shared.security.VardeUser;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** A user signed in through OpenID Connect (HelseID), bound to the Varde account that holds their role. */
record OidcVardeUser(OidcUser delegate, UserAccount account) implements OidcUser, VardePrincipal {

    @Override
    public VardeUser vardeUser() {
        return account.toVardeUser();
    }

    @Override
    public Map<String, Object> getClaims() {
        return delegate.getClaims();
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return delegate.getUserInfo();
    }

    @Override
    public OidcIdToken getIdToken() {
        return delegate.getIdToken();
    }

    @Override
    public Map<String, Object> getAttributes() {
        return delegate.getAttributes();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(account.role().authority()));
    }

    @Override
    public String getName() {
        return account.username();
    }
}
