package no.varde.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import no.varde.alarm.Alarm;
import no.varde.alarm.AlarmCategory;
import no.varde.alarm.AlarmFixtures;
import no.varde.alarm.AlarmId;
import no.varde.alarm.TimelineDetail;
import no.varde.alarm.Transition;
import no.varde.registry.DeviceId;
import no.varde.shared.Kommunenummer;
import no.varde.shared.ResidentId;
import org.junit.jupiter.api.Test;

/** What the device said, as the alarm page reads it from the alarm's RECEIVED entry (issue 11, item 5). */
class DeviceReportUnitTests {

    private static final Instant OCCURRED = Instant.parse("2026-12-01T22:41:30Z");

    @Test
    void anHttpEventShowsItsTextLocationBatteryAndPositionReportedAtTheEventsTime() {
        DeviceReport report = DeviceReport.of(alarm(Map.of(
                "text",
                "Fall registrert",
                "location",
                "Bad",
                "batteryPercent",
                18,
                "latitude",
                65.4712345,
                "longitude",
                12.2098)));

        assertThat(report.text()).isEqualTo("Fall registrert");
        assertThat(report.locationText()).isEqualTo("Bad");
        assertThat(report.locationCode()).isNull();
        assertThat(report.batteryPercent()).isEqualTo(18);
        assertThat(report.coordinates()).isEqualTo("65.471235, 12.209800");
        assertThat(report.positionAt()).isEqualTo(OCCURRED);
        assertThat(report.positionFixTime()).isFalse();
        assertThat(report.hdop()).isNull();
        assertThat(report.mapLink())
                .isEqualTo("https://www.openstreetmap.org/?mlat=65.471235&mlon=12.209800#map=17/65.471235/12.209800");
        assertThat(report.isEmpty()).isFalse();
    }

    @Test
    void aScaipEventShowsTheLocationTextAndCodeAndTheGpsFixTimeAndHdop() {
        Map<String, Object> data = new HashMap<>();
        data.put("location", "Stue (lco 2: 14)");
        data.put("latitude", 65.8361);
        data.put("longitude", 13.1934);
        data.put(
                "scaip",
                Map.of(
                        "lte", "Stue",
                        "lco", "2",
                        "lva", "14",
                        "lge", "$GPGGA,224012.00,6550.166,N,01311.604,E,1,08,1.4,12.0,M,40.0,M,,*47"));
        DeviceReport report = DeviceReport.of(alarm(data));

        assertThat(report.locationText()).isEqualTo("Stue");
        assertThat(report.locationCode()).isEqualTo("2: 14");
        assertThat(report.positionFixTime()).isTrue();
        assertThat(report.positionAt()).isEqualTo(Instant.parse("2026-12-01T22:40:12Z"));
        assertThat(report.hdop()).isEqualTo(1.4);
    }

    @Test
    void aFixJustBeforeMidnightBelongsToTheDayBeforeAnEventJustAfterIt() {
        Map<String, Object> data = new HashMap<>();
        data.put("latitude", 65.8361);
        data.put("longitude", 13.1934);
        data.put("scaip", Map.of("lge", "$GPGGA,235950,6550.166,N,01311.604,E,1,08,0.9,12.0,M,40.0,M,,*47"));
        DeviceReport report = DeviceReport.of(alarm(data, Instant.parse("2026-12-02T00:00:20Z")));

        assertThat(report.positionAt()).isEqualTo(Instant.parse("2026-12-01T23:59:50Z"));
    }

    @Test
    void aCodedLocationOfAnotherSenderIsSplitAndAnEmptyReportIsEmpty() {
        DeviceReport coded = DeviceReport.of(alarm(Map.of("location", "Kjøkken (lco 7)")));
        assertThat(coded.locationText()).isEqualTo("Kjøkken");
        assertThat(coded.locationCode()).isEqualTo("7");
        assertThat(coded.hasPosition()).isFalse();

        assertThat(DeviceReport.of(alarm(Map.of("senderIdentity", "HTTP:x:1"))).isEmpty())
                .isTrue();
    }

    private static Alarm alarm(Map<String, Object> data) {
        return alarm(data, OCCURRED);
    }

    private static Alarm alarm(Map<String, Object> data, Instant occurred) {
        Transition received = Alarm.receive(
                AlarmId.random(),
                AlarmFixtures.type("FALL", AlarmCategory.ALARM, 1, true),
                new Alarm.Origin(
                        new Kommunenummer("1813"),
                        new ResidentId(UUID.randomUUID()),
                        new DeviceId(UUID.randomUUID()),
                        "Trygghetsalarm",
                        true),
                null,
                Duration.ofMinutes(30),
                new TimelineDetail.DeviceReport(data),
                occurred,
                occurred.plusSeconds(1));
        return AlarmFixtures.withEntry(received.alarm(), received);
    }
}
