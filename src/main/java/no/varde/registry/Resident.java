package no.varde.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import no.varde.shared.Kommunenummer;
import no.varde.shared.ResidentId;
import org.jspecify.annotations.Nullable;

/** A service recipient (tjenestemottaker) with welfare technology, as operators and home care need them. */
public record Resident(
        ResidentId id,
        Kommunenummer kommunenummer,
        String givenName,
        String familyName,
        LocalDate birthDate,
        NationalId nationalId,
        String streetAddress,
        String postalCode,
        String postalPlace,
        @Nullable String phone,
        @Nullable String mobilePhone,
        EntryMethod entryMethod,
        @Nullable String entryDetails,
        @Nullable String operatorNotes,
        @Nullable String epjId,
        boolean active,
        int version,
        List<Relative> relatives) {

    public String fullName() {
        return givenName + " " + familyName;
    }

    public int age(Clock clock) {
        return Period.between(birthDate, LocalDate.now(clock)).getYears();
    }
}
