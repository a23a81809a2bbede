package no.varde.benefits;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import no.varde.registry.Devices;
import no.varde.registry.Municipalities;
import no.varde.shared.Kommunenummer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Devices in service (status ACTIVE in the registry) per municipality and month. The registry knows only today's
 * fleet, so this records the count of the current month as the month goes (hourly; the last recording of a month
 * is its month-end figure). The current month is always today's count; a past month is what was recorded then, or
 * absent when Varde was not running that month. Counts only, no resident and no device identity.
 */
@Component
public class DevicesInService {

    private final Devices devices;
    private final Municipalities municipalities;
    private final JdbcClient jdbc;
    private final BenefitsProperties properties;
    private final Clock clock;

    DevicesInService(
            Devices devices,
            Municipalities municipalities,
            JdbcClient jdbc,
            BenefitsProperties properties,
            Clock clock) {
        this.devices = devices;
        this.municipalities = municipalities;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Today's count for every municipality of the region (0 where none is in service). */
    public Map<Kommunenummer, Long> now() {
        Map<Kommunenummer, Long> counts = new TreeMap<>();
        municipalities.all().forEach(m -> counts.put(m.kommunenummer(), 0L));
        counts.putAll(devices.inServiceByMunicipality());
        return counts;
    }

    /** Records today's counts as the current month's figure; idempotent, so several nodes may run it. */
    @Scheduled(initialDelayString = "PT40S", fixedDelayString = "PT1H")
    @Transactional
    public void record() {
        YearMonth month = currentMonth();
        Instant at = Instant.now(clock);
        now().forEach((k, count) -> jdbc.sql("""
                        insert into benefits_devices_in_service (kommunenummer, month, devices, recorded_at)
                        values (:k, :month, :devices, :at)
                        on conflict (kommunenummer, month)
                        do update set devices = excluded.devices, recorded_at = excluded.recorded_at""")
                .param("k", k.value())
                .param("month", Date.valueOf(month.atDay(1)))
                .param("devices", count)
                .param("at", Timestamp.from(at))
                .update());
    }

    /** Per month from {@code from} to {@code to} and municipality: the figure, where there is one. */
    public Map<YearMonth, Map<String, Long>> byMonth(YearMonth from, YearMonth to) {
        Map<YearMonth, Map<String, Long>> result = new TreeMap<>();
        jdbc.sql("""
                        select kommunenummer, month, devices from benefits_devices_in_service
                        where month between :from and :to""")
                .param("from", Date.valueOf(from.atDay(1)))
                .param("to", Date.valueOf(to.atDay(1)))
                .query((rs, row) -> {
                    result.computeIfAbsent(YearMonth.from(rs.getDate("month").toLocalDate()), m -> new TreeMap<>())
                            .put(rs.getString("kommunenummer"), rs.getLong("devices"));
                    return row;
                })
                .list();
        YearMonth current = currentMonth();
        if (!current.isBefore(from) && !current.isAfter(to)) {
            Map<String, Long> today = new TreeMap<>();
            now().forEach((k, count) -> today.put(k.value(), count));
            result.put(current, today);
        }
        return result;
    }

    /** The figures from {@code from} to {@code to} as facts, by month and municipality. */
    public java.util.List<DeviceFacts> facts(YearMonth from, YearMonth to) {
        java.util.List<DeviceFacts> facts = new java.util.ArrayList<>();
        byMonth(from, to).forEach((month, counts) -> counts.forEach((k, n) -> facts.add(new DeviceFacts(k, month, n))));
        return facts;
    }

    private YearMonth currentMonth() {
        return YearMonth.now(clock.withZone(ZoneId.of(properties.zone())));
    }
}
