package no.varde.ingest.reception;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Reception cannot take the delivery now (queue full, database unavailable, commit timed out): try again later. */
public class ReceptionUnavailable extends RuntimeException {

    private final Duration retryAfter;

    public ReceptionUnavailable(String message, Duration retryAfter) {
        this(message, retryAfter, null);
    }

    public ReceptionUnavailable(String message, Duration retryAfter, @Nullable Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
