package no.varde.alarm.live;

import no.varde.alarm.AlarmId;

/** A committed change of an alarm, as every node hears it. */
public record AlarmChange(AlarmId alarmId, String what) {}
