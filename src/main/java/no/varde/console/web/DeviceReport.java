package no.varde.console.web;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.varde.alarm.Alarm;
import no.varde.alarm.TimelineEntry;
import no.varde.alarm.TimelineKind;
import org.jspecify.annotations.Nullable;

/**
 * What the device said, as the alarm page shows it (issue 11, item 5): its text, where in the home (code and text),
 * its battery, and its position with the position's time and accuracy where the protocol carries them. Read from
 * the alarm's RECEIVED entry, which keeps what every receiver stored.
 *
 * @param positionAt when the position was fixed: the GPS fix time of a SCAIP GGA sentence, else the event's time
 * @param hdop the horizontal dilution of precision of a SCAIP GGA sentence (lower is better; about 1 is good)
 */
public record DeviceReport(
        @Nullable String text,
        @Nullable String locationText,
        @Nullable String locationCode,
        @Nullable Integer batteryPercent,
        @Nullable String callbackRoute,
        @Nullable Double latitude,
        @Nullable Double longitude,
        @Nullable Instant positionAt,
        boolean positionFixTime,
        @Nullable Double hdop) {

    // $GPGGA,hhmmss.ss,lat,N,lon,E,fix,satellites,hdop,…
    private static final Pattern GGA = Pattern.compile(
            "\\$?[A-Z]{2}GGA,(\\d{6}(?:\\.\\d+)?)?,[^,]*,[NS]?,[^,]*,[EW]?,\\d?,[^,]*,(\\d+(?:\\.\\d+)?)?");
    private static final Pattern LOCATION = Pattern.compile("^(.*?)\\s*\\(lco ([^)]*)\\)$");

    static DeviceReport of(Alarm alarm) {
        TimelineEntry received = alarm.timeline().stream()
                .filter(e -> e.kind() == TimelineKind.RECEIVED)
                .findFirst()
                .orElse(null);
        Map<String, Object> data = received == null ? Map.of() : received.data();
        String location = string(data.get("location"));
        String locationText = location;
        String locationCode = null;
        if (data.get("scaip") instanceof Map<?, ?> scaip) {
            locationText = string(scaip.get("lte"));
            String lco = string(scaip.get("lco"));
            String lva = string(scaip.get("lva"));
            locationCode = lco == null ? lva : lva == null ? lco : lco + ": " + lva;
        } else if (location != null) {
            Matcher coded = LOCATION.matcher(location);
            if (coded.matches()) {
                locationText = coded.group(1).isBlank() ? null : coded.group(1);
                locationCode = coded.group(2);
            }
        }
        Double latitude = number(data.get("latitude"));
        Double longitude = number(data.get("longitude"));
        Instant positionAt = latitude == null || longitude == null ? null : alarm.occurredAt();
        boolean fixTime = false;
        Double hdop = null;
        if (latitude != null && data.get("scaip") instanceof Map<?, ?> scaip && scaip.get("lge") != null) {
            Matcher gga = GGA.matcher(String.valueOf(scaip.get("lge")).replaceAll("\\s+", ""));
            if (gga.find()) {
                Instant fix = fixTime(gga.group(1), alarm.occurredAt());
                if (fix != null) {
                    positionAt = fix;
                    fixTime = true;
                }
                hdop = gga.group(2) == null ? null : Double.valueOf(gga.group(2));
            }
        }
        Integer battery = number(data.get("batteryPercent")) == null
                ? null
                : number(data.get("batteryPercent")).intValue();
        return new DeviceReport(
                string(data.get("text")),
                locationText,
                locationCode,
                battery,
                string(data.get("callbackRoute")),
                latitude,
                longitude,
                positionAt,
                fixTime,
                hdop);
    }

    public boolean hasPosition() {
        return latitude != null && longitude != null;
    }

    public boolean isEmpty() {
        return text == null
                && locationText == null
                && locationCode == null
                && batteryPercent == null
                && callbackRoute == null
                && !hasPosition();
    }

    /** Six decimals (about 10 cm), with a point whatever the page's language: the form maps and phones read. */
    public String coordinates() {
        return hasPosition() ? format(latitude) + ", " + format(longitude) : "";
    }

    public String latitudeText() {
        return latitude == null ? "" : format(latitude);
    }

    public String longitudeText() {
        return longitude == null ? "" : format(longitude);
    }

    /** A link that opens the position in OpenStreetMap (a new tab, outside Varde). */
    public String mapLink() {
        return "https://www.openstreetmap.org/?mlat=" + format(latitude) + "&mlon=" + format(longitude) + "#map=17/"
                + format(latitude) + "/" + format(longitude);
    }

    private static String format(@Nullable Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.6f", value);
    }

    /** The fix's UTC time of day on the event's UTC day (the day before when the fix is later than the event). */
    private static @Nullable Instant fixTime(@Nullable String hhmmss, Instant occurredAt) {
        if (hhmmss == null) {
            return null;
        }
        try {
            LocalTime time = LocalTime.of(
                    Integer.parseInt(hhmmss.substring(0, 2)),
                    Integer.parseInt(hhmmss.substring(2, 4)),
                    Integer.parseInt(hhmmss.substring(4, 6)));
            Instant fix = occurredAt.atOffset(ZoneOffset.UTC).with(time).toInstant();
            return fix.isAfter(occurredAt.plusSeconds(60)) ? fix.minusSeconds(86_400) : fix;
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return null;
        }
    }

    private static @Nullable String string(@Nullable Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    private static @Nullable Double number(@Nullable Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value != null) {
            try {
                return Double.valueOf(value.toString());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
