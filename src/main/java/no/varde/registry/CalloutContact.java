package no.varde.registry;

import org.jspecify.annotations.Nullable;

/** One link of a home-care team's call-out chain; position 1 is tried first. */
public record CalloutContact(
        int position, String name, @Nullable String roleTitle, String phone) {}
