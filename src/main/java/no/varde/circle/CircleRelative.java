package no.varde.circle;

import org.jspecify.annotations.Nullable;

/** A relative as the circle shows them: the registry's entry with consent and the resident's contact window. */
public record CircleRelative(
        int priority,
        String name,
        @Nullable String relation,
        String phone,
        @Nullable Consent consent,
        @Nullable ContactWindow window,
        boolean windowNow) {

    public boolean maySms() {
        return consent != null && consent.active();
    }
}
