package no.varde.dispatch.callout;

/**
 * A call-out link that does not (or no longer) open the call-out. {@code gone} means it was good once (expired,
 * call-out done, alarm closed: HTTP 410); otherwise it was never ours (HTTP 403). The message key says which.
 */
public class LinkRefused extends RuntimeException {

    private final boolean gone;
    private final String messageKey;

    LinkRefused(boolean gone, String messageKey) {
        super(messageKey);
        this.gone = gone;
        this.messageKey = messageKey;
    }

    static LinkRefused invalid() {
        return new LinkRefused(false, "dispatch.link.invalid");
    }

    public static LinkRefused notInSession() {
        return new LinkRefused(false, "dispatch.link.noSession");
    }

    public boolean gone() {
        return gone;
    }

    public String messageKey() {
        return messageKey;
    }
}
