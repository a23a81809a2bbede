package no.varde.accounts;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in (form login and HTTP Basic alike) behind the {@link LoginThrottle}: a locked account or
 * address is refused before the password is checked, so a correct password does not open a lock either.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(DaoAuthenticationProvider passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName() == null ? "" : authentication.getName();
        String address = addressOf(authentication);
        Optional<LoginThrottle.Lock> lock = throttle.lockOf(username, address);
        if (lock.isPresent()) {
            throttle.refusedWhileLocked(username, address, lock.get());
            throw new LoginLockedException(lock.get().until());
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.succeeded(username);
            return result;
        } catch (BadCredentialsException e) {
            throw refused(username, address, "bad_credentials", e);
        } catch (DisabledException e) {
            throw refused(username, address, "disabled", e);
        }
    }

    /** Counts the failure; the attempt that reaches the limit is answered as locked at once. */
    private AuthenticationException refused(
            String username, String address, String reason, AuthenticationException failure) {
        return throttle.failed(username, address, reason)
                .<AuthenticationException>map(lock -> new LoginLockedException(lock.until()))
                .orElse(failure);
    }

    private static String addressOf(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null) {
            return details.getRemoteAddress();
        }
        return "unknown";
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
