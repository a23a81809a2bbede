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
 */
@ConfigurationProperties("varde.circle")
public record CircleProperties(
        @Nullable String linkKey,
        @Nullable String linkKeyFile,
        @Nullable Duration linkValidity,
        @Nullable List<Duration> escalationChoices,
        @Nullable Duration escalationCheckInterval,
        int freeTextMaxLength) {

    public CircleProperties {
        linkValidity = linkValidity == null ? Duration.ofDays(7) : linkValidity;
        escalationChoices = escalationChoices == null || escalationChoices.isEmpty()
                ? List.of(Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(30))
                : List.copyOf(escalationChoices);
        escalationCheckInterval = escalationCheckInterval == null ? Duration.ofSeconds(30) : escalationCheckInterval;
        freeTextMaxLength = freeTextMaxLength <= 0 ? 160 : freeTextMaxLength;
    }
}
