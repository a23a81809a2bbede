package no.varde.planning.demand;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Alarm users per 1 000 inhabitants by age group, as the demand projection uses them: from the registry (residents
 * with a device in service, by their age today, over the projection's inhabitants of the base year: this year, or
 * the latest projected year before it) when the projection reaches back to a base year and the registry has enough
 * users; otherwise the stated assumptions. Region-wide rates: a municipality's few users by age would be noise (and
 * could point at a person). Says which.
 *
 * @param baseYear the projection year the registry's users are set against (REGISTRY only)
 * @param users residents with a device in service counted (REGISTRY), 0 otherwise
 */
public record UsersPer1000(
        Map<AgeGroup, BigDecimal> rates,
        Source source,
        @Nullable Integer baseYear,
        long users) {

    public enum Source {
        REGISTRY,
        ASSUMED
    }

    public UsersPer1000 {
        rates = Map.copyOf(rates);
    }

    public BigDecimal of(AgeGroup group) {
        return rates.get(group);
    }

    public static UsersPer1000 assumed(DemandProperties assumptions) {
        Map<AgeGroup, BigDecimal> rates = new EnumMap<>(AgeGroup.class);
        for (AgeGroup g : AgeGroup.values()) {
            rates.put(g, assumptions.usersPer1000(g));
        }
        return new UsersPer1000(rates, Source.ASSUMED, null, 0);
    }

    /**
     * @param users residents with a device in service per age group
     * @param inhabitants the projection's inhabitants of the base year per age group (null: no base year)
     * @param minimumUsers fewer users than this and the assumptions are used
     */
    public static UsersPer1000 of(
            Map<AgeGroup, Long> users,
            @Nullable Integer baseYear,
            @Nullable Map<AgeGroup, Long> inhabitants,
            long minimumUsers,
            DemandProperties assumptions) {
        long total = users.values().stream().mapToLong(Long::longValue).sum();
        if (baseYear == null || inhabitants == null || total < minimumUsers) {
            return assumed(assumptions);
        }
        Map<AgeGroup, BigDecimal> rates = new EnumMap<>(AgeGroup.class);
        for (AgeGroup g : AgeGroup.values()) {
            long persons = inhabitants.getOrDefault(g, 0L);
            if (persons == 0) {
                return assumed(assumptions);
            }
            rates.put(
                    g,
                    BigDecimal.valueOf(users.getOrDefault(g, 0L) * 1000)
                            .divide(BigDecimal.valueOf(persons), 2, RoundingMode.HALF_UP));
        }
        return new UsersPer1000(rates, Source.REGISTRY, baseYear, total);
    }
}
