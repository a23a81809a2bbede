package no.varde.ingest.reception;

import no.varde.alarm.AlarmId;
import org.jspecify.annotations.Nullable;

/**
 * What one event became.
 *
 * @param alarm null for supervision events
 * @param duplicate this key was seen within the window (the answer is the same as the first time)
 */
public record EventReceipt(String key, @Nullable AlarmId alarm, boolean duplicate) {}
