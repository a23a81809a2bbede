package no.varde.journal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Care information read from the municipality's EPJ through VKP ({@code varde.journal.care.*}), with the same
 * HelseID client as delivery ({@code journal_endpoint}) and a read scope of its own.
 *
 * @param readScope the scope asked for when reading care plans and flags
 * @param cacheTtl how long fetched care information is used before it is fetched again
 */
@ConfigurationProperties("varde.journal.care")
public record CareProperties(String readScope, Duration cacheTtl) {

    public CareProperties {
        readScope = readScope == null || readScope.isBlank() ? "nhn:vkp/api/user/careplan.read" : readScope.strip();
        cacheTtl = cacheTtl == null ? Duration.ofMinutes(5) : cacheTtl;
    }
}
