package no.varde.dispatch.link;

/** The result of checking a call-out link: valid (with what it grants), or why not. */
public sealed interface LinkCheck {

    record Valid(LinkClaims claims) implements LinkCheck {}

    /** Not a token we signed: altered, cut short, signed with another key, or garbage. */
    record Tampered() implements LinkCheck {}

    /** Signed by us, but past its expiry. */
    record Expired(LinkClaims claims) implements LinkCheck {}
}
