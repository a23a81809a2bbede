package no.varde.dispatch.sms;

/**
 * Carries one text message to a phone. Adapters: {@link HttpSmsGateway} (an SMS provider's HTTP API) and
 * {@link OutboxSmsGateway} (the development default: keeps the message for the /outbox page, sends nothing).
 */
public interface SmsGateway {

    /**
     * Hands the message over; returns {@link SmsStatus#SENT} or {@link SmsStatus#OUTBOX}.
     *
     * @throws SmsFailure when the gateway did not take the message; it will be tried again
     */
    SmsStatus send(String to, String text);

    /**
     * As {@link #send(String, String)}, with Varde's id of the message, which a gateway that reports delivery
     * passes on so that its delivery report can name the message ({@code docs/dispatch.md}, delivery reports).
     */
    default SmsStatus send(java.util.UUID reference, String to, String text) {
        return send(to, text);
    }

    /** Thrown by a gateway that did not accept a message; the reason is stored with the message. */
    class SmsFailure extends RuntimeException {

        public SmsFailure(String reason) {
            super(reason);
        }

        public SmsFailure(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
