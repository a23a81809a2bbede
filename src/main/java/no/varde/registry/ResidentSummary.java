package no.varde.registry;

import java.time.LocalDate;
import no.varde.shared.Kommunenummer;
import no.varde.shared.ResidentId;

/** A resident as listed in search results: no national id, no notes. */
public record ResidentSummary(
        ResidentId id,
        Kommunenummer kommunenummer,
        String givenName,
        String familyName,
        LocalDate birthDate,
        String streetAddress,
        String postalPlace,
        boolean active,
        int deviceCount) {

    public String fullName() {
        return givenName + " " + familyName;
    }
}
