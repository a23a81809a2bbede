package no.varde.planning.demand;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Assumptions of the demand projection, stated beside its numbers.
 *
 * @param usersPer1000Age0to66 alarm users per 1 000 inhabitants aged 0–66 (3)
 * @param usersPer1000Age67to79 aged 67–79 (35)
 * @param usersPer1000Age80to89 aged 80–89 (160)
 * @param usersPer1000Age90plus aged 90 and older (400)
 * @param alarmsPerUser alarms a user raises a year (20: the planner's assumed 40 000 a year over ~2 000 users)
 */
@ConfigurationProperties("varde.planning.demand")
public record DemandProperties(
        @Nullable BigDecimal usersPer1000Age0to66,
        @Nullable BigDecimal usersPer1000Age67to79,
        @Nullable BigDecimal usersPer1000Age80to89,
        @Nullable BigDecimal usersPer1000Age90plus,
        @Nullable BigDecimal alarmsPerUser) {

    public DemandProperties {
        usersPer1000Age0to66 = usersPer1000Age0to66 == null ? new BigDecimal("3") : usersPer1000Age0to66;
        usersPer1000Age67to79 = usersPer1000Age67to79 == null ? new BigDecimal("35") : usersPer1000Age67to79;
        usersPer1000Age80to89 = usersPer1000Age80to89 == null ? new BigDecimal("160") : usersPer1000Age80to89;
        usersPer1000Age90plus = usersPer1000Age90plus == null ? new BigDecimal("400") : usersPer1000Age90plus;
        alarmsPerUser = alarmsPerUser == null ? new BigDecimal("20") : alarmsPerUser;
    }

    public BigDecimal usersPer1000(AgeGroup group) {
        return switch (group) {
            case AGE_0_66 -> usersPer1000Age0to66;
            case AGE_67_79 -> usersPer1000Age67to79;
            case AGE_80_89 -> usersPer1000Age80to89;
            case AGE_90_PLUS -> usersPer1000Age90plus;
        };
    }
}
