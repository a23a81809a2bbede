package no.varde.dispatch.callout;

import org.jspecify.annotations.Nullable;

/** A contact of the chain as copied into the call-out at dispatch time. */
public record ChainContact(
        int position, String name, @Nullable String roleTitle, String phone) {

    /** How the timeline and the audit trail name this contact. */
    public String label() {
        return roleTitle == null ? name : name + " (" + roleTitle + ")";
    }
}
