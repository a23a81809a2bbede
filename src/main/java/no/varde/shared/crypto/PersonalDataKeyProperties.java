package no.varde.shared.crypto;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key that encrypts personal ids at rest.
 *
 * @param key base64 of 32 random bytes; set this in production (from a secret store, never the repo)
 * @param keyFile a file holding the key; created with a new random key when missing (development and tests)
 */
@ConfigurationProperties("varde.personal-data")
public record PersonalDataKeyProperties(
        @Nullable String key, @Nullable String keyFile) {}
