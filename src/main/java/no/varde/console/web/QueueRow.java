package no.varde.console.web;

import org.jspecify.annotations.Nullable;

/**
 * One row of the operator's queue, ready for the template. Times are epoch milliseconds so that the browser can
 * run the age timer and its amber (half the claim deadline) and red (deadline passed) colours by itself; the
 * deadline is the original one of the alarm's type, from which the time overdue counts. {@code marker} is the
 * at-a-glance kind ({@link AlarmMarker}).
 */
public record QueueRow(
        String id,
        int priority,
        String title,
        String vkpAlertCode,
        String municipality,
        @Nullable String residentName,
        boolean unknownDevice,
        boolean noResident,
        boolean unknownCode,
        boolean repeat,
        boolean escalated,
        boolean dispatchOverdue,
        int escalationLevel,
        String state,
        long receivedAtMillis,
        long deadlineMillis,
        @Nullable String claimedBy,
        @Nullable String deviceLabel,
        @Nullable String marker,
        @Nullable String claimedByName,
        @Nullable Integer batteryPercent) {

    /** Who holds it, by name (the username when the account is gone). */
    public @Nullable String handler() {
        return claimedByName != null ? claimedByName : claimedBy;
    }

    public boolean unclaimed() {
        return "RECEIVED".equals(state);
    }
}
