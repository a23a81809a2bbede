package no.varde.console.web;

import java.util.Set;
import no.varde.alarm.AlarmFlag;
import org.jspecify.annotations.Nullable;

/**
 * The alarm kinds an operator must recognise at a glance, shown with an icon, a colour and a word (never colour
 * alone): fire, fall, and an unknown device. Decided by the VKP alert code, which every protocol's codes map to.
 */
final class AlarmMarker {

    static final String FIRE_VKP = "4.11";
    static final String FALL_VKP = "4.1";

    private AlarmMarker() {}

    /** "unknown", "fire", "fall" or null; an unknown device goes first: nobody knows whose alarm it is. */
    static @Nullable String of(String vkpAlertCode, Set<AlarmFlag> flags) {
        if (flags.contains(AlarmFlag.UNKNOWN_DEVICE)) {
            return "unknown";
        }
        return switch (vkpAlertCode) {
            case FIRE_VKP -> "fire";
            case FALL_VKP -> "fall";
            default -> null;
        };
    }
}
