package no.varde.planning.demand;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.varde.alarm.AlarmCategory;
import no.varde.alarm.AlarmFacts;
import no.varde.planning.StaffingParameters;
import no.varde.planning.StaffingPlan;
import no.varde.planning.StaffingPlanner;
import no.varde.registry.Devices;
import org.springframework.stereotype.Service;

/**
 * Demand to 2050: projected inhabitants by age group × alarm users per 1 000 → users; × alarms per user (measured
 * from operations when there are enough alarms, else the assumption; {@link #alarmsPerUser}) → alarms
 * a year; the region's alarms through the staffing plan (Erlang, minimum two, shrinkage) → FTE and cost. A
 * municipality's share of the FTE and cost follows its share of the alarms (the centre is shared).
 */
@Service
public class DemandForecast {

    private final Populations populations;
    private final DemandProperties assumptions;
    private final StaffingPlanner planner;
    private final AlarmFacts alarms;
    private final Devices devices;
    private final Clock clock;

    DemandForecast(
            Populations populations,
            DemandProperties assumptions,
            StaffingPlanner planner,
            AlarmFacts alarms,
            Devices devices,
            Clock clock) {
        this.populations = populations;
        this.assumptions = assumptions;
        this.planner = planner;
        this.alarms = alarms;
        this.devices = devices;
        this.clock = clock;
    }

    /**
     * Alarms per user a year from operations: alarms needing a human in the last 12 complete months (Europe/Oslo),
     * scaled to a year from the months that have any, over the residents with a device in service; the assumption
     * when there are fewer alarms than the planner needs to trust its own history.
     */
    public AlarmsPerUser alarmsPerUser() {
        ZoneId zone = ZoneId.of(planner.properties().zone());
        YearMonth to = YearMonth.now(clock.withZone(zone)).minusMonths(1);
        YearMonth from = to.minusMonths(11);
        var rows = alarms
                .monthly(
                        from.atDay(1).atStartOfDay(zone).toInstant(),
                        to.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant(),
                        zone,
                        Duration.ofSeconds(planner.properties().targetSeconds()))
                .stream()
                .filter(row -> row.category() == AlarmCategory.ALARM && row.alarms() > 0)
                .toList();
        long count = rows.stream().mapToLong(AlarmFacts.MonthlyFacts::alarms).sum();
        int months = (int)
                rows.stream().map(AlarmFacts.MonthlyFacts::month).distinct().count();
        return AlarmsPerUser.of(
                count,
                months,
                from,
                to,
                devices.usersInService(),
                planner.properties().minimumAlarmsForHistory(),
                assumptions.alarmsPerUser());
    }

    public DemandProperties assumptions() {
        return assumptions;
    }

    public record MunicipalityDemand(
            String kommunenummer, long inhabitants, BigDecimal users, long alarms, BigDecimal fte, BigDecimal cost) {}

    public record YearDemand(
            int year,
            long inhabitants,
            long inhabitants80plus,
            BigDecimal users,
            long alarms,
            BigDecimal fte,
            BigDecimal cost,
            List<MunicipalityDemand> municipalities) {}

    /**
     * Users per 1 000 by age group from the registry (residents with a device in service by age today, over the
     * projection's inhabitants of this year or the latest projected year before it) when the projection reaches back
     * that far and the registry has at least 100 users; otherwise the assumptions.
     */
    public UsersPer1000 usersPer1000() {
        java.time.LocalDate today = java.time.LocalDate.now(
                clock.withZone(ZoneId.of(planner.properties().zone())));
        var byYear = populations.byYear();
        Integer base = null;
        for (Integer year : byYear.keySet()) {
            if (year <= today.getYear()) {
                base = year;
            }
        }
        Map<AgeGroup, Long> inhabitants = null;
        if (base != null) {
            inhabitants = new java.util.EnumMap<>(AgeGroup.class);
            for (var groups : byYear.get(base).values()) {
                for (var g : groups.entrySet()) {
                    inhabitants.merge(g.getKey(), g.getValue(), Long::sum);
                }
            }
        }
        Map<AgeGroup, Long> users = new java.util.EnumMap<>(AgeGroup.class);
        devices.usersInServiceByAge(today).forEach((age, n) -> {
            AgeGroup group = AgeGroup.holding(Math.max(age, 0), Math.max(age, 0));
            if (group != null) {
                users.merge(group, n, Long::sum);
            }
        });
        return UsersPer1000.of(users, base, inhabitants, 100, assumptions);
    }

    public List<YearDemand> forecast() {
        return forecast(alarmsPerUser());
    }

    public List<YearDemand> forecast(AlarmsPerUser perUser) {
        return forecast(perUser, usersPer1000());
    }

    public List<YearDemand> forecast(AlarmsPerUser perUser, UsersPer1000 rates) {
        List<YearDemand> years = new ArrayList<>();
        for (var year : populations.byYear().entrySet()) {
            years.add(year(year.getKey(), year.getValue(), perUser.value(), rates));
        }
        return years;
    }

    private YearDemand year(
            int year, Map<String, Map<AgeGroup, Long>> byMunicipality, BigDecimal alarmsPerUser, UsersPer1000 rates) {
        List<String> kommuner = new ArrayList<>(byMunicipality.keySet());
        List<BigDecimal> users = new ArrayList<>();
        long inhabitants = 0;
        long old = 0;
        for (String k : kommuner) {
            BigDecimal u = BigDecimal.ZERO;
            for (var group : byMunicipality.get(k).entrySet()) {
                u = u.add(BigDecimal.valueOf(group.getValue())
                        .multiply(rates.of(group.getKey()))
                        .divide(BigDecimal.valueOf(1000), 4, RoundingMode.HALF_UP));
                inhabitants += group.getValue();
                if (group.getKey() == AgeGroup.AGE_80_89 || group.getKey() == AgeGroup.AGE_90_PLUS) {
                    old += group.getValue();
                }
            }
            users.add(u);
        }
        List<Long> alarms = users.stream()
                .map(u -> u.multiply(alarmsPerUser)
                        .setScale(0, RoundingMode.HALF_UP)
                        .longValue())
                .toList();
        long regionAlarms = alarms.stream().mapToLong(Long::longValue).sum();
        StaffingPlan plan = planner.plan(new StaffingParameters(
                planner.properties().serviceLevel(),
                planner.properties().targetSeconds(),
                planner.properties().handlingSeconds(),
                planner.properties().shrinkage(),
                null,
                (int) Math.min(regionAlarms, 2_000_000),
                1));
        List<MunicipalityDemand> municipalities = new ArrayList<>();
        for (int i = 0; i < kommuner.size(); i++) {
            BigDecimal share = regionAlarms == 0
                    ? BigDecimal.ZERO
                    : BigDecimal.valueOf(alarms.get(i))
                            .divide(BigDecimal.valueOf(regionAlarms), 10, RoundingMode.HALF_UP);
            long persons = byMunicipality.get(kommuner.get(i)).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            municipalities.add(new MunicipalityDemand(
                    kommuner.get(i),
                    persons,
                    users.get(i).setScale(1, RoundingMode.HALF_UP),
                    alarms.get(i),
                    plan.requiredFte().multiply(share).setScale(2, RoundingMode.HALF_UP),
                    plan.annualCost().multiply(share).setScale(0, RoundingMode.HALF_UP)));
        }
        BigDecimal totalUsers = users.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new YearDemand(
                year,
                inhabitants,
                old,
                totalUsers.setScale(0, RoundingMode.HALF_UP),
                regionAlarms,
                plan.requiredFte(),
                plan.annualCost(),
                municipalities);
    }
}
