package no.varde.dispatch.link;

import java.util.Arrays;
import no.varde.dispatch.DispatchProperties;
import no.varde.shared.crypto.SecretKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the key that signs call-out links: from configuration in production, from a local file in development. */
@Configuration(proxyBeanMethods = false)
class LinkKeyConfiguration {

    @Bean
    LinkSigner linkSigner(DispatchProperties properties) {
        byte[] key = loadKey(properties);
        try {
            return new LinkSigner(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    static byte[] loadKey(DispatchProperties properties) {
        return SecretKeys.load(
                properties.linkKey(),
                "varde.dispatch.link-key",
                properties.linkKeyFile(),
                "call-out links",
                "VARDE_DISPATCH_LINK_KEY");
    }
}
