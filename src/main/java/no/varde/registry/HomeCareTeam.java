package no.varde.registry;

import java.util.List;
import java.util.UUID;
import no.varde.shared.Kommunenummer;
import org.jspecify.annotations.Nullable;

/** A municipality's home-care team (hjemmetjeneste) that takes call-outs (utrykning). */
public record HomeCareTeam(
        UUID id,
        Kommunenummer kommunenummer,
        String name,
        @Nullable String phone,
        @Nullable String notes,
        List<CalloutContact> calloutChain) {}
