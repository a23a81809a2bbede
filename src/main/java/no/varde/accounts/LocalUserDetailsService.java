package no.varde.accounts;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class LocalUserDetailsService implements UserDetailsService {

    private final UserAccounts accounts;

    LocalUserDetailsService(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.findByUsername(username)
                .filter(account -> account.passwordHash() != null)
                .map(LocalUserDetails::new)
                .orElseThrow(() -> new UsernameNotFoundException("no local account " + username));
    }
}
