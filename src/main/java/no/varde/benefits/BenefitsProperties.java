package no.varde.benefits;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param suppressBelow counts from 1 to below this are shown as "&lt; n" to analysts (5: a municipality of 478
 *     inhabitants must not reveal a person)
 * @param answerTargetSeconds the answer-time target the facts count against (60 s)
 * @param zone the zone months are counted in (Europe/Oslo)
 */
@ConfigurationProperties("varde.benefits")
public record BenefitsProperties(
        @Nullable Integer suppressBelow,
        @Nullable Integer answerTargetSeconds,
        @Nullable String zone) {

    public BenefitsProperties {
        suppressBelow = suppressBelow == null ? 5 : suppressBelow;
        answerTargetSeconds = answerTargetSeconds == null ? 60 : answerTargetSeconds;
        zone = zone == null ? "Europe/Oslo" : zone;
    }
}
