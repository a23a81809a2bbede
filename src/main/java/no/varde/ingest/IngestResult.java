package no.varde.ingest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import no.varde.alarm.AlarmId;

/**
 * The answer to an accepted event: the alarm it became. A retransmission gets the same body; only the
 * {@code Varde-Duplicate} header tells them apart.
 */
public record IngestResult(
        String eventId, AlarmId alarmId, @JsonIgnore boolean duplicate) {}
