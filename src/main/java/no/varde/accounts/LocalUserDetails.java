package no.varde.accounts;

import java.util.Collection;
import java.util.List;
import no.varde.shared.security.VardePrincipal;
import no.varde.shared.security.VardeUser;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A local account as Spring Security's user, carrying the Varde user. */
record LocalUserDetails(UserAccount account) implements UserDetails, VardePrincipal {

    @Override
    public VardeUser vardeUser() {
        return account.toVardeUser();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(account.role().authority()));
    }

    @Override
    public String getPassword() {
        return account.passwordHash();
    }

    @Override
    public String getUsername() {
        return account.username();
    }

    @Override
    public boolean isEnabled() {
        return account.enabled();
    }
}
