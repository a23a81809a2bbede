package no.varde.registry;

import org.jspecify.annotations.Nullable;

/**
 * A relative (pårørende) in the order they are to be contacted. Whether a relative may get SMS is not a property
 * kept here: consent is a record of its own (who entered it, when, who withdrew it), kept by the circle module.
 */
public record Relative(int priority, String name, @Nullable String relation, String phone) {}
