package no.varde.ingest.reception;

import java.time.Duration;

/** Reception cannot commit now (queue full, database away, commit timed out): the sender must retry later. */
public class ReceptionUnavailable extends RuntimeException {

    private final Duration retryAfter;

    public ReceptionUnavailable(String message, Duration retryAfter) {
        this(message, retryAfter, null);
    }

    public ReceptionUnavailable(
            String message, Duration retryAfter, @org.jspecify.annotations.Nullable Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
