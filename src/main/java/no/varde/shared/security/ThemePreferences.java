package no.varde.shared.security;

import org.jspecify.annotations.Nullable;

/** Each account's light/dark choice, kept on the server so it follows the person to any PC. */
public interface ThemePreferences {

    /** {@code LIGHT}, {@code DARK}, or null: follow the operating system. */
    @Nullable
    String theme(VardeUser user);
}
