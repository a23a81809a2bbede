package no.varde.registry;

import java.util.List;
import java.util.UUID;
import no.varde.shared.Kommunenummer;
import org.jspecify.annotations.Nullable;

public record ResponseCentre(
        UUID id,
        String name,
        @Nullable String phone,
        @Nullable Kommunenummer hostKommunenummer,
        List<Kommunenummer> servedMunicipalities) {}
