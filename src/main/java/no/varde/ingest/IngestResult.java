package no.varde.ingest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import no.varde.alarm.AlarmId;
import org.jspecify.annotations.Nullable;

/**
 * The answer to an accepted event: the alarm it became (none for a heartbeat or test transmission, which only
 * records that the device was heard). A retransmission gets the same body; only the {@code Varde-Duplicate}
 * header tells them apart.
 */
public record IngestResult(
        String eventId,
        @Nullable AlarmId alarmId,
        @JsonIgnore boolean duplicate) {}
