package no.varde.accounts;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The account Prometheus scrapes the actuator with. It is not a Varde account: it has the role {@value #ROLE}
 * only, which opens the actuator endpoints and nothing else. System administrators sign in to the actuator with
 * their own local account.
 */
final class MetricsAccount {

    static final String ROLE = "METRICS";

    private MetricsAccount() {}

    /** The scrape account when a password is configured, otherwise (and for every other name) local accounts. */
    static UserDetailsService withLocalAccounts(
            SecurityProperties.Metrics metrics, UserDetailsService local, PasswordEncoder passwordEncoder) {
        if (metrics.password() == null) {
            return local;
        }
        UserDetails scraper = User.withUsername(metrics.username())
                .password(passwordEncoder.encode(metrics.password()))
                .roles(ROLE)
                .build();
        return username -> scraper.getUsername().equalsIgnoreCase(username)
                ? User.withUserDetails(scraper).build()
                : local.loadUserByUsername(username);
    }
}
