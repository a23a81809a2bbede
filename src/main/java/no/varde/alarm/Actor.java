package no.varde.alarm;

import no.varde.shared.security.VardeUser;
import org.jspecify.annotations.Nullable;

/** Who acted on an alarm: a signed-in user, a home-care worker through a call-out link, or the system. */
public record Actor(
        String name, @Nullable String role, @Nullable VardeUser user) {

    public static Actor of(VardeUser user) {
        return new Actor(user.username(), user.role().name(), user);
    }

    public static Actor homeCare(String name) {
        return new Actor(name, "HOME_CARE_LINK", null);
    }

    public static Actor system(String name) {
        return new Actor("system:" + name, null, null);
    }
}
