package no.varde.benefits;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param suppressBelow counts from 1 to below this are shown as "&lt; n" to analysts (5: a municipality of 478
 *     inhabitants must not reveal a person)
 * @param answerTargetSeconds the answer-time target the facts count against (60 s)
 * @param splitMonths complete months of operations the economics' usage-based split keys count (12)
 * @param zone the zone months are counted in (Europe/Oslo)
 */
@ConfigurationProperties("varde.benefits")
public record BenefitsProperties(
        @Nullable Integer suppressBelow,
        @Nullable Integer answerTargetSeconds,
        @Nullable Integer splitMonths,
        @Nullable String zone) {

    public BenefitsProperties {
        suppressBelow = suppressBelow == null ? 5 : suppressBelow;
        answerTargetSeconds = answerTargetSeconds == null ? 60 : answerTargetSeconds;
        splitMonths = splitMonths == null ? 12 : splitMonths;
        zone = zone == null ? "Europe/Oslo" : zone;
    }
}
