package no.varde.fleet;

import java.time.Duration;
import java.time.Instant;
import no.varde.registry.DeviceType;
import org.jspecify.annotations.Nullable;

/**
 * A technical-alarm rule (one version of it): for alarms of {@code source}/{@code code} from devices of
 * {@code deviceType} (null: every type), do {@code kind}. Its name on timelines is {@link #actorName()}.
 */
public record TechnicalRule(
        long id,
        String source,
        String code,
        @Nullable DeviceType deviceType,
        RuleKind kind,
        @Nullable Duration waitFor,
        @Nullable Duration taskDue,
        boolean enabled,
        @Nullable String note,
        int version,
        String updatedBy,
        Instant updatedAt) {

    /** The rule as a system actor: {@code fleet-rule:<id>v<version>:<kind>}. */
    public String actorName() {
        return "fleet-rule:" + id + "v" + version + ":" + kind;
    }

    /** How the rule reads on a timeline: kind, code, device type and version. */
    public String describe() {
        return "regel #" + id + " v" + version + " (" + kind + " for " + source + " " + code
                + (deviceType == null ? "" : ", " + deviceType) + ")";
    }
}
