package no.varde.ingest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import no.varde.alarm.DeviceEvent;
import no.varde.registry.DeviceIdentity;
import no.varde.shared.EventSource;
import no.varde.shared.web.FieldProblem;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Checks one event object and turns it into a {@link DeviceEvent}, reporting every bad field by its path. */
public final class EventParser {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final List<String> IDENTITIES =
            List.of("scaipControllerId", "scaipDeviceId", "siaAccount", "imei", "vendor", "serialNumber");

    private EventParser() {}

    public record Parsed(
            @Nullable DeviceEvent event, @Nullable String eventId, List<FieldProblem> problems) {}

    public static Parsed parse(JsonNode node, String path, String integrationId, Instant receivedAt) {
        return parse(node, path, integrationId, receivedAt, OccurredAtWindow.DEFAULT);
    }

    /**
     * Parses one event. Text that PostgreSQL cannot store (a NUL character) is kept with the character escaped as
     * {@code \u0000} rather than refusing a valid alarm; a device time outside the plausibility window (a clock
     * reset to 1970 after a power loss, a year 294276) is replaced by the time received and kept beside it, so the
     * alarm is never refused or sorted where nobody looks.
     */
    public static Parsed parse(
            JsonNode node, String path, String integrationId, Instant receivedAt, OccurredAtWindow window) {
        List<FieldProblem> problems = new ArrayList<>();
        List<String> escaped = new ArrayList<>();
        if (node == null || !node.isObject()) {
            problems.add(new FieldProblem(path.isEmpty() ? "body" : path, "must be a JSON object"));
            return new Parsed(null, null, problems);
        }
        String eventId = text(node, path, "eventId", 128, true, problems, escaped);
        String code = text(node, path, "code", 64, true, problems, escaped);
        if (code != null && !CODE.matcher(code).matches()) {
            problems.add(new FieldProblem(field(path, "code"), "letters, digits and _ . : - only"));
        }
        Instant occurredAt = receivedAt;
        String implausibleTime = null;
        String occurred = text(node, path, "occurredAt", 40, false, problems, escaped);
        if (occurred != null) {
            try {
                Instant reported = Instant.parse(occurred);
                if (window.contains(reported, receivedAt)) {
                    occurredAt = reported;
                } else {
                    implausibleTime = occurred;
                }
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem(
                        field(path, "occurredAt"), "must be an ISO-8601 instant, e.g. 2026-11-22T07:15:00Z"));
            }
        }
        DeviceIdentity device = device(node.get("device"), field(path, "device"), problems, escaped);
        // What kind of device and which part of it spoke (the fleet's rules key on them); optional for HTTP.
        JsonNode deviceNode = node.get("device");
        String deviceType = deviceNode == null || !deviceNode.isObject()
                ? null
                : text(deviceNode, field(path, "device"), "type", 64, false, problems, escaped);
        String component = deviceNode == null || !deviceNode.isObject()
                ? null
                : text(deviceNode, field(path, "device"), "component", 64, false, problems, escaped);
        String text = text(node, path, "text", 1000, false, problems, escaped);
        String location = text(node, path, "location", 200, false, problems, escaped);
        Integer battery = null;
        JsonNode batteryNode = node.get("batteryPercent");
        if (batteryNode != null && !batteryNode.isNull()) {
            if (!batteryNode.isIntegralNumber()
                    || !batteryNode.canConvertToInt()
                    || batteryNode.asInt() < 0
                    || batteryNode.asInt() > 100) {
                problems.add(new FieldProblem(field(path, "batteryPercent"), "must be a whole number from 0 to 100"));
            } else {
                battery = batteryNode.asInt();
            }
        }
        Double latitude = null;
        Double longitude = null;
        JsonNode position = node.get("position");
        if (position != null && !position.isNull()) {
            JsonNode lat = position.get("latitude");
            JsonNode lon = position.get("longitude");
            if (lat == null || !lat.isNumber() || Math.abs(lat.asDouble()) > 90) {
                problems.add(new FieldProblem(field(path, "position.latitude"), "must be a number from -90 to 90"));
            } else {
                latitude = lat.asDouble();
            }
            if (lon == null || !lon.isNumber() || Math.abs(lon.asDouble()) > 180) {
                problems.add(new FieldProblem(field(path, "position.longitude"), "must be a number from -180 to 180"));
            } else {
                longitude = lon.asDouble();
            }
        }
        if (!problems.isEmpty()) {
            return new Parsed(null, eventId, problems);
        }
        Map<String, Object> extra = new HashMap<>();
        extra.put("integration", integrationId);
        extra.put("eventId", eventId);
        if (implausibleTime != null) {
            // Shown to the operator: the device's own clock said something impossible.
            extra.put("reportedOccurredAt", implausibleTime);
        }
        if (!escaped.isEmpty()) {
            extra.put("escapedNul", List.copyOf(escaped));
        }
        return new Parsed(
                new DeviceEvent(
                        EventSource.HTTP,
                        "HTTP:" + integrationId + ":" + eventId,
                        device,
                        deviceType,
                        component,
                        code,
                        text,
                        battery,
                        location,
                        latitude,
                        longitude,
                        occurredAt,
                        receivedAt,
                        extra),
                eventId,
                problems);
    }

    private static @Nullable DeviceIdentity device(
            @Nullable JsonNode node, String path, List<FieldProblem> problems, List<String> escaped) {
        if (node == null || !node.isObject()) {
            problems.add(new FieldProblem(path, "is required: an object with at least one of " + IDENTITIES));
            return null;
        }
        Map<String, String> values = new HashMap<>();
        for (String name : IDENTITIES) {
            values.put(name, text(node, path, name, 64, false, problems, escaped));
        }
        DeviceIdentity identity = new DeviceIdentity(
                values.get("scaipControllerId"),
                values.get("scaipDeviceId"),
                values.get("siaAccount"),
                values.get("imei"),
                values.get("vendor"),
                values.get("serialNumber"));
        if (identity.isEmpty()) {
            problems.add(
                    new FieldProblem(path, "needs at least one of scaipControllerId, siaAccount, imei, serialNumber"));
        }
        return identity;
    }

    private static @Nullable String text(
            JsonNode node,
            String path,
            String name,
            int max,
            boolean required,
            List<FieldProblem> problems,
            List<String> escaped) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(new FieldProblem(field(path, name), "is required"));
            }
            return null;
        }
        if (!value.isString() && !value.isNumber()) {
            problems.add(new FieldProblem(field(path, name), "must be a string"));
            return null;
        }
        String text = value.asString().strip();
        if (text.isEmpty()) {
            if (required) {
                problems.add(new FieldProblem(field(path, name), "must not be blank"));
            }
            return null;
        }
        if (text.length() > max) {
            problems.add(new FieldProblem(field(path, name), "must be at most " + max + " characters"));
            return null;
        }
        if (text.indexOf('\u0000') >= 0) {
            escaped.add(field(path, name));
            return text.replace("\u0000", "\\u0000");
        }
        return text;
    }

    private static String field(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
