package no.varde.alarm;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a timeline entry records beyond its kind, time, actor and text: one type per kind of fact, so the
 * console and the journal read typed values instead of keys of a map. Stored as the entry's JSON data.
 */
public sealed interface TimelineDetail {

    /** The entry's data as stored (the same keys the timeline has always had). */
    Map<String, Object> toData();

    /** Nothing beyond kind, actor and text (claimed, released, note, dispatched, accepted …). */
    record None() implements TimelineDetail {
        @Override
        public Map<String, Object> toData() {
            return Map.of();
        }
    }

    /** What the device sent (text, location, battery, position, sender identity). */
    record DeviceReport(Map<String, Object> values) implements TimelineDetail {
        public DeviceReport {
            values = Map.copyOf(values);
        }

        public @Nullable String location() {
            Object location = values.get("location");
            return location == null ? null : location.toString();
        }

        @Override
        public Map<String, Object> toData() {
            return values;
        }
    }

    record Repeat(AlarmId repeatOf) implements TimelineDetail {
        @Override
        public Map<String, Object> toData() {
            return Map.of("repeatOf", repeatOf.toString());
        }
    }

    record Call(String callee, @Nullable String number, CallResult result) implements TimelineDetail {
        public boolean verbalContact() {
            return result == CallResult.VERBAL_CONTACT;
        }

        @Override
        public Map<String, Object> toData() {
            Map<String, Object> data = new HashMap<>();
            data.put("callee", callee);
            data.put("result", result.name());
            if (number != null) {
                data.put("number", number);
            }
            return data;
        }
    }

    record CalloutNotified(String recipient, String channel) implements TimelineDetail {
        @Override
        public Map<String, Object> toData() {
            return Map.of("recipient", recipient, "channel", channel);
        }
    }

    /** A problem of the call-out the operator must know about (no team, chain exhausted, message not sent). */
    record CalloutProblem(String reason, Map<String, Object> values) implements TimelineDetail {
        public CalloutProblem {
            values = Map.copyOf(values);
        }

        @Override
        public Map<String, Object> toData() {
            Map<String, Object> data = new HashMap<>(values);
            data.put("reason", reason);
            return data;
        }
    }

    record OtherActor(String actor) implements TimelineDetail {
        @Override
        public Map<String, Object> toData() {
            return Map.of("actor", actor);
        }
    }

    record RelativesNotified(String relatives) implements TimelineDetail {
        @Override
        public Map<String, Object> toData() {
            return Map.of("relatives", relatives);
        }
    }

    /** A text message to a relative: who, which message, and its delivery status (QUEUED, SENT, DELIVERED …). */
    record RelativeMessage(String relative, String messageId, String status) implements TimelineDetail {
        @Override
        public Map<String, Object> toData() {
            return Map.of("relative", relative, "messageId", messageId, "status", status);
        }
    }

    /** A relative confirmed (through the signed link of a message) that they got it. */
    record RelativeConfirmation(String relative, String messageId) implements TimelineDetail {
        @Override
        public Map<String, Object> toData() {
            return Map.of("relative", relative, "messageId", messageId);
        }
    }

    record Escalation(int level, String reason) implements TimelineDetail {
        @Override
        public Map<String, Object> toData() {
            return Map.of("level", level, "reason", reason);
        }
    }

    record Reassignment(@Nullable String from, String to) implements TimelineDetail {
        @Override
        public Map<String, Object> toData() {
            Map<String, Object> data = new HashMap<>();
            data.put("to", to);
            if (from != null) {
                data.put("from", from);
            }
            return data;
        }
    }

    /** A ticked step of a guidance checklist: the subject (VKP alert code or UNKNOWN_DEVICE), version and step. */
    record GuidanceStep(String subject, int version, int step) implements TimelineDetail {
        @Override
        public Map<String, Object> toData() {
            return Map.of("subject", subject, "version", version, "step", step);
        }
    }

    record Closure(Outcome outcome) implements TimelineDetail {
        @Override
        public Map<String, Object> toData() {
            return Map.of("outcome", outcome.name());
        }
    }

    /** Reads stored data back into its type. */
    static TimelineDetail of(TimelineKind kind, Map<String, Object> data) {
        return switch (kind) {
            case RECEIVED -> new DeviceReport(withoutNulls(data));
            case REPEAT_RECEIVED -> new Repeat(AlarmId.of(String.valueOf(data.get("repeatOf"))));
            case CALL ->
                new Call(
                        String.valueOf(data.get("callee")),
                        data.get("number") == null ? null : data.get("number").toString(),
                        CallResult.valueOf(String.valueOf(data.get("result"))));
            case DISPATCH_NOTIFIED ->
                new CalloutNotified(String.valueOf(data.get("recipient")), String.valueOf(data.get("channel")));
            case HANDED_TO_113 -> new OtherActor(String.valueOf(data.getOrDefault("actor", "113 AMK")));
            case RELATIVES_NOTIFIED -> new RelativesNotified(String.valueOf(data.get("relatives")));
            case RELATIVE_SMS, RELATIVE_SMS_STATUS ->
                new RelativeMessage(
                        String.valueOf(data.get("relative")),
                        String.valueOf(data.get("messageId")),
                        String.valueOf(data.get("status")));
            case RELATIVE_CONFIRMED ->
                new RelativeConfirmation(String.valueOf(data.get("relative")), String.valueOf(data.get("messageId")));
            case ESCALATED ->
                new Escalation(((Number) data.getOrDefault("level", 0)).intValue(), String.valueOf(data.get("reason")));
            case REASSIGNED ->
                new Reassignment(
                        data.get("from") == null ? null : data.get("from").toString(), String.valueOf(data.get("to")));
            case GUIDANCE_STEP ->
                new GuidanceStep(
                        String.valueOf(data.get("subject")),
                        ((Number) data.getOrDefault("version", 0)).intValue(),
                        ((Number) data.getOrDefault("step", 0)).intValue());
            case CLOSED, CLOSED_IN_BULK, CLOSED_BY_RULE ->
                new Closure(Outcome.valueOf(String.valueOf(data.get("outcome"))));
            case NOTE ->
                data.containsKey("reason")
                        ? new CalloutProblem(String.valueOf(data.get("reason")), withoutReason(data))
                        : new None();
            default -> new None();
        };
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> data) {
        Map<String, Object> copy = new HashMap<>();
        data.forEach((key, value) -> {
            if (value != null) {
                copy.put(key, value);
            }
        });
        return copy;
    }

    private static Map<String, Object> withoutReason(Map<String, Object> data) {
        Map<String, Object> copy = withoutNulls(data);
        copy.remove("reason");
        return copy;
    }
}
