package no.varde.ingest;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** The JSON an integration posts for one event (documented in OpenAPI; parsed leniently by hand). */
@Schema(description = "One event from a device")
public record EventRequest(
        @Schema(
                description = "The sender's unique id of this event; a repeat is answered with the same alarm",
                requiredMode = Schema.RequiredMode.REQUIRED,
                example = "evt-2026-000123")
        String eventId,

        @Schema(
                description = "Event code, e.g. BUTTON_PRESSED, FALL, FIRE, LEFT_HOME, BATTERY_LOW, HEARTBEAT;"
                        + " see GET /api/v1/alarm-types. Unknown codes still reach an operator, flagged",
                requiredMode = Schema.RequiredMode.REQUIRED,
                example = "BUTTON_PRESSED")
        String code,

        @Schema(
                description = "When the event happened (ISO-8601); defaults to the time received",
                example = "2026-11-22T07:15:00Z")
        @Nullable
        String occurredAt,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Device device,

        @Schema(description = "Free text from the device or platform") @Nullable
        String text,

        @Schema(minimum = "0", maximum = "100") @Nullable Integer batteryPercent,

        @Schema(description = "Where in the home, e.g. bathroom") @Nullable
        String location,

        @Nullable Position position) {

    @Schema(description = "At least one identity of the device")
    public record Device(
            @Nullable String scaipControllerId,
            @Nullable String scaipDeviceId,
            @Nullable String siaAccount,
            @Nullable String imei,
            @Nullable String vendor,
            @Nullable String serialNumber,

            @Schema(description = "Device type, e.g. SAFETY_ALARM, FALL_SENSOR, DOOR_SENSOR, or the vendor's own")
            @Nullable
            String type,

            @Schema(description = "Which part of the device reported, e.g. pendant, base unit, smoke detector")
            @Nullable
            String component) {}

    public record Position(double latitude, double longitude) {}
}
