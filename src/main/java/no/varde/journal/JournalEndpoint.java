package no.varde.journal;

import java.net.URI;
import no.varde.shared.Kommunenummer;

/**
 * Where one municipality's documents go, and the HelseID client that may send them.
 *
 * @param privateKey a reference ({@code file:…}, {@code classpath:…}) to the client's RSA key in PKCS#8 PEM
 */
public record JournalEndpoint(
        Kommunenummer kommunenummer,
        boolean enabled,
        URI baseUrl,
        String organisationNumber,
        String clientId,
        URI tokenEndpoint,
        String privateKey,
        String scope) {

    /** {@code {base}/{orgnr}/bundle}. */
    public URI bundleUrl() {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + organisationNumber + "/bundle");
    }
}
