package no.varde.fleet;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import no.varde.alarm.AlarmId;
import no.varde.registry.DeviceId;
import no.varde.registry.DeviceType;
import no.varde.shared.Kommunenummer;
import no.varde.shared.ResidentId;
import org.jspecify.annotations.Nullable;

/**
 * A device's supervision: whether it is supervised (active, heard at least once, with a class), its effective class
 * and where that class comes from ({@code DEVICE}: an administrator's, {@code BASE_RADIO_TEST}: a pendant or detector heard through its base's
 * radio tests, {@code PROTOCOL}, {@code DEVICE_TYPE}), when
 * it was last heard (and through which protocol), its last test and last alarm, when its silence becomes lost
 * contact, its open lost-contact alarm, and the SCAIP {@code hbi} code Varde last assigned it.
 */
public record DeviceSupervision(
        DeviceId deviceId,
        Kommunenummer kommunenummer,
        DeviceType type,
        @JsonIgnore @Nullable ResidentId residentId,
        boolean supervised,
        @Nullable SupervisionClass supervisionClass,
        @Nullable String classSource,
        @Nullable SupervisionClass deviceClass,
        @Nullable Instant lastHeardAt,
        @Nullable String lastHeardSource,
        @Nullable Instant lastTestAt,
        @Nullable Instant lastAlarmAt,
        @Nullable Instant lostContactAfter,
        @Nullable AlarmId lostContactAlarm,
        @Nullable String scaipHbi) {}
