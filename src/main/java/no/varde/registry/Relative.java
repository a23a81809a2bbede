package no.varde.registry;

import org.jspecify.annotations.Nullable;

/** A relative (pårørende) in the order they are to be contacted; SMS only with consent. */
public record Relative(int priority, String name, @Nullable String relation, String phone, boolean smsConsent) {}
