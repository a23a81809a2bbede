package no.varde.alarm;

import no.varde.shared.EventSource;

/** One row of the classification table: a sender's event code and what it means. */
public record AlarmTypeMapping(
        EventSource source,
        String code,
        AlarmCategory category,
        String vkpAlertCode,
        String titleNb,
        String titleEn,
        int priority,
        int claimDeadlineSeconds) {}
