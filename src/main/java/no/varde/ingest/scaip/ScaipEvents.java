package no.varde.ingest.scaip;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import no.varde.alarm.DeviceEvent;
import no.varde.registry.DeviceIdentity;
import no.varde.shared.EventSource;
import org.jspecify.annotations.Nullable;

/** Turns an mrq into the DeviceEvent the alarm module classifies, keeping what the operator needs to see. */
final class ScaipEvents {

    private ScaipEvents() {}

    static DeviceEvent of(Mrq mrq, String sipFrom, Instant receivedAt) {
        Map<String, Object> extra = new HashMap<>();
        extra.put("scaip", Map.copyOf(mrq.elements()));
        extra.put("ref", mrq.ref());
        extra.put("messageType", mrq.messageType());
        extra.put("sipFrom", sipFrom);
        String callback = mrq.get("crd");
        if (callback != null) {
            extra.put("callbackRoute", callback);
        }
        return new DeviceEvent(
                EventSource.SCAIP,
                "SCAIP:" + mrq.cid() + ":" + mrq.ref(),
                new DeviceIdentity(mrq.cid(), mrq.deviceId(), null, null, null, null),
                mrq.dty(),
                mrq.get("dco"),
                mrq.code(),
                text(mrq),
                null,
                location(mrq),
                mrq.latitude(),
                mrq.longitude(),
                receivedAt,
                receivedAt,
                extra);
    }

    /** Status text, device text, info and additional message, and the callback route the operator calls. */
    private static @Nullable String text(Mrq mrq) {
        String callback = mrq.get("crd");
        String joined = Stream.of(
                        mrq.get("stt"),
                        mrq.get("dte"),
                        mrq.get("ite"),
                        mrq.get("ame"),
                        callback == null ? null : "crd " + callback)
                .filter(Objects::nonNull)
                .collect(Collectors.joining(" · "));
        return joined.isEmpty() ? null : cut(joined, 1000);
    }

    /** Location text first, then its code and value ({@code Stue (lco 2: 14)}). */
    private static @Nullable String location(Mrq mrq) {
        List<String> code = Stream.of(mrq.get("lco"), mrq.get("lva"))
                .filter(Objects::nonNull)
                .toList();
        String lte = mrq.get("lte");
        if (lte == null && code.isEmpty()) {
            return null;
        }
        String coded = code.isEmpty() ? "" : "lco " + String.join(": ", code);
        return cut(lte == null ? coded : coded.isEmpty() ? lte : lte + " (" + coded + ")", 200);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
