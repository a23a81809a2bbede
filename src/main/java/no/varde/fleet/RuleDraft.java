package no.varde.fleet;

import org.jspecify.annotations.Nullable;

/**
 * A rule as an administrator enters it (API body and page form), validated by {@link TechnicalRules}.
 *
 * @param waitMinutes how long WAIT_FOR_RESTORE waits for the clearing event (1 to 1440); only for that kind
 * @param taskDueHours when a TECHNICIAN_TASK's task is due after the alarm (1 to 720 hours); only for that kind
 */
public record RuleDraft(
        @Nullable String source,
        @Nullable String code,
        @Nullable String deviceType,
        @Nullable String kind,
        @Nullable Integer waitMinutes,
        @Nullable Integer taskDueHours,
        @Nullable Boolean enabled,
        @Nullable String note) {}
