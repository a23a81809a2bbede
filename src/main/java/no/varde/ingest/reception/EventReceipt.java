package no.varde.ingest.reception;

import no.varde.alarm.AlarmId;
import org.jspecify.annotations.Nullable;

/**
 * alarm is null for supervision events; duplicate = this key was seen within the window (same answer as before).
 */
public record EventReceipt(String key, @Nullable AlarmId alarm, boolean duplicate) {}
