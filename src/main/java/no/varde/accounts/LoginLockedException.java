package no.varde.accounts;

import java.time.Instant;
import org.springframework.security.authentication.LockedException;

/**
 * A password sign-in refused because the account or the remote address is temporarily locked after too many
 * failed attempts. The password was not checked.
 */
public class LoginLockedException extends LockedException {

    private final Instant until;

    LoginLockedException(Instant until) {
        super("VARDE-ACCT-0040: sign-in temporarily locked after too many failed attempts; try again after " + until);
        this.until = until;
    }

    public Instant until() {
        return until;
    }
}
