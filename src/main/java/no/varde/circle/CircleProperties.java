package no.varde.circle;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The resident's circle ({@code varde.circle.*}).
 *
 * @param linkKey base64 of 32 random bytes that sign the links in relatives' messages (VARDE_CIRCLE_LINK_KEY)
 * @param linkKeyFile a file holding that key, created with a random key when missing (development, tests)
 * @param linkValidity how long a relative's confirmation link works (withdrawing consent works as long)
 * @param escalationChoices the waiting times the operator may choose before the next relative is notified
 * @param escalationCheckInterval how often unconfirmed messages are looked for
 * @param freeTextMaxLength the longest free text an operator may add to a template that allows it
 * @param frequent when a resident's alarms are flagged as far above their usual level
 */
@ConfigurationProperties("varde.circle")
public record CircleProperties(
        @Nullable String linkKey,
        @Nullable String linkKeyFile,
        @Nullable Duration linkValidity,
        @Nullable List<Duration> escalationChoices,
        @Nullable Duration escalationCheckInterval,
        int freeTextMaxLength,
        @Nullable Frequent frequent) {

    /**
     * @param windowDays the recent days counted (7)
     * @param baselineDays the days before them whose daily median is the resident's usual level (90)
     * @param factor how many times the usual daily level the recent daily rate must exceed (3)
     * @param minAlarms the fewest alarms in the window that can be flagged (5)
     */
    public record Frequent(int windowDays, int baselineDays, double factor, int minAlarms) {
        public Frequent {
            windowDays = windowDays <= 0 ? 7 : windowDays;
            baselineDays = baselineDays <= 0 ? 90 : baselineDays;
            factor = factor <= 0 ? 3.0 : factor;
            minAlarms = minAlarms <= 0 ? 5 : minAlarms;
        }
    }

    public CircleProperties {
        frequent = frequent == null ? new Frequent(0, 0, 0, 0) : frequent;
        linkValidity = linkValidity == null ? Duration.ofDays(7) : linkValidity;
        escalationChoices = escalationChoices == null || escalationChoices.isEmpty()
                ? List.of(Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(30))
                : List.copyOf(escalationChoices);
        escalationCheckInterval = escalationCheckInterval == null ? Duration.ofSeconds(30) : escalationCheckInterval;
        freeTextMaxLength = freeTextMaxLength <= 0 ? 160 : freeTextMaxLength;
    }
}
